export { contactsOfPerson, linkContacts, unlinkContacts } from './links.ts';
export { isOptedOut, setOptOut } from './opt-out.ts';
export { contactOfIdentity, resolveContacts, type ResolvedContact } from './resolve.ts';
export { contactIdentities, contactLinks, contacts, type IdentityKind } from './schema.ts';
