/**
 * Rate limits for test and benchmark servers. In-process requests have no socket address and
 * loopback clients all share 127.0.0.1, so every request of a spec or a load run shares one
 * rate-limit key: specs that file hundreds of appeals or log in dozens of agents must not trip
 * production limits. Rate-limit specs set small ones through `env`.
 */
export const GENEROUS_RATE_LIMITS = {
  RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
  RATE_LIMIT_CONTACT_PER_MINUTE: '1000000',
  RATE_LIMIT_LOOKUP_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_USERNAME_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_USERNAME_CEILING_PER_MINUTE: '1000000',
  LOGIN_SLOWDOWN_MS: '0',
  RATE_LIMIT_OPEN311_PER_MINUTE: '1000000',
};
