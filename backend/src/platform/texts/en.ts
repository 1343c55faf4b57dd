import { type CitizenTexts, withoutEndMark } from './zh-CN.ts';

/** The same texts in English, for hotlines that serve in English (`HOTLINE_LANGUAGE=en`). */
export const en: CitizenTexts = {
  sms: {
    received: (caseNumber) => `[12345] We received your request, case number ${caseNumber}. Reply to this text to add details; reply STOP to opt out.`,
    stopped: '[12345] You will no longer receive texts from this hotline. Reply START to receive them again.',
    started: '[12345] You will receive texts from this hotline again.',
    help: (publicUrl) =>
      `[12345] Reply with your problem to report it. For progress reply "CX case number", visit ${publicUrl} or call this number and press 2. Reply STOP to opt out.`,
    progress: (caseNumber, words) => `[12345] Case ${caseNumber}: ${words}.`,
    notFound: (caseNumber) => `[12345] Case ${caseNumber} was not found; please check the case number and send it again.`,
    signed: (text) => `[12345] ${text}`,
  },
  wechat: {
    received: (caseNumber) => `We received your request, case number ${caseNumber}. We will handle it as soon as possible.`,
    howToReport: 'Send text, voice, a photo or your location in this chat to report a problem; we reply with a case number.',
    howToTrack: 'Send your case number (14 or more digits, such as 20261122000123), or "CX case number", to see its progress.',
    welcome: (howToReport, howToTrack) => `Thank you for following the citizen hotline!\n${howToReport}\n${howToTrack}`,
    notFound: (caseNumber) => `Case ${caseNumber} was not found; please check it and send it again.`,
    caseNumber: (caseNumber) => `Case number ${caseNumber}`,
    status: (words) => `Status: ${words}`,
    submittedAt: (at) => `Submitted: ${at}`,
    decidedAt: (at) => `Decided: ${at}`,
    rejectReason: (reason) => `Not accepted because: ${reason}`,
  },
  voice: {
    language: 'en-US',
    welcome: 'Welcome to the 12345 citizen hotline. To report a problem, press 1 or just tell us about it. To hear the progress of a case, press 2.',
    askReport: 'Please tell us the problem and where it is. Wait a moment when you have finished.',
    askCaseNumber: 'Please enter your case number, followed by the pound key.',
    noInput: 'We did not receive any input. Goodbye.',
    queued: (spokenCase) => `Your request is registered, case number ${spokenCase}. Connecting you to an agent, please hold.`,
    voicemail: (reason, spokenCase) =>
      `${reason === 'closed' ? 'We are outside service hours.' : 'All agents are busy.'} Your request is registered, case number ${spokenCase}. To add details, leave a message after the tone and press the pound key.`,
    hold: (ahead) => (ahead === undefined ? 'All agents are busy, please hold.' : `There are ${ahead} callers ahead of you, please hold.`),
    incompleteCase: 'The case number you entered is incomplete. Please call again. Goodbye.',
    caseNotFound: (spokenCase) => `Case ${spokenCase} was not found. Please check it and call again. Goodbye.`,
    caseStatus: (spokenCase, words, rejectReason) =>
      `Case ${spokenCase} is now: ${words}${rejectReason ? `, because: ${rejectReason}` : ''}. Thank you for calling. Goodbye.`,
    voicemailReceived: (spokenCase) =>
      spokenCase ? `Your message was received. Your case number is ${spokenCase}. Goodbye.` : 'Your message was received. Goodbye.',
  },
  notices: {
    accepted: (caseNumber) => `Your request (case number ${caseNumber}) was accepted and will be assigned soon.`,
    rejected: (caseNumber, reason) => `Your request (case number ${caseNumber}) was not accepted. Reason: ${reason}`,
    merged: (caseNumber, intoCaseNumber) =>
      `Other citizens reported the same problem: it is handled together with case ${intoCaseNumber}. You can still follow your case number ${caseNumber}, and you will be told when it is done.`,
    dispatched: (caseNumber, department, timeLimit) =>
      `Your request (case ${caseNumber}) was accepted and assigned to ${department}, to be handled by ${timeLimit}. Use the case number to follow it.`,
    closed: (caseNumber, result, surveyQuestion) =>
      `Your request (case ${caseNumber}) is done.${result ? ` Result: ${withoutEndMark(result)}.` : ''} ${surveyQuestion}`,
  },
  survey: {
    question: 'Please reply with a number from 1 to 5: 5 very satisfied, 4 satisfied, 3 fairly satisfied, 2 unsatisfied, 1 very unsatisfied.',
    thanks: (rating, unsatisfied) =>
      unsatisfied
        ? `Thank you for your rating (${rating}). We are sorry we did not satisfy you; we will check how it was handled and contact you soon.`
        : `Thank you for your rating (${rating}). Have a good day!`,
    notYet: (caseNumber) => `Your request (case ${caseNumber}) is still being handled; we will ask for your rating once it is done.`,
  },
  progress: {
    appeal: {
      pending: 'waiting to be accepted',
      accepted: 'accepted, being handled',
      rejected: 'not accepted',
      merged: 'handled together with another case',
      answered: 'answered directly and closed',
    },
    event: {
      dispatched: (department) => `accepted, waiting for ${department} to sign for it`,
      handling: (department) => `being handled by ${department}`,
      reported: 'reported back, being verified',
      closed: (result) => (result ? `done, result: ${result}` : 'done'),
      returned: 'returned, being reassigned',
      cancelled: 'cancelled',
    },
    withTimeLimit: (words, timeLimit) => `${words}, to be handled by ${timeLimit}`,
    mergedInto: (caseNumber) => `handled together with case ${caseNumber}`,
    rejectedBecause: (words, reason) => `${words}: ${reason}`,
  },
  open311: {
    responsibleUnit: 'the responsible unit',
    dispatched: (unit) => `assigned to ${unit}, waiting for it to sign for it`,
    handling: (unit) => `${unit} signed for it and is handling it`,
    reported: (unit) => `${unit} reported back; the center is verifying`,
    returned: 'returned by the responsible unit, being reassigned',
    closed: (result) => (result ? `done: ${result}` : 'done'),
    cancelled: (note) => (note ? `cancelled: ${note}` : 'cancelled'),
  },
  locale: 'en-GB',
};
