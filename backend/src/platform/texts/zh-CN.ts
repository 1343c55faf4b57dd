/**
 * Everything the hotline says to citizens, in Simplified Chinese: SMS, WeChat and voice replies,
 * notices of decisions, dispatch and closure, the 回访 survey and the words for each step of a case.
 * `en.ts` has the same keys (a test holds them together); `HOTLINE_LANGUAGE` picks one.
 */
/** A staff-written result ends the sentence it is quoted in: its own end mark would double it (…现已修复。。). */
export const withoutEndMark = (text: string) => text.replace(/[。．.！!？?；;\s]+$/u, '');

export const zhCN = {
  /** 【12345】 is how hotline texts are signed in China. */
  sms: {
    received: (caseNumber: string) => `【12345】您的诉求已收到，案件流水号 ${caseNumber}。直接回复本短信可补充情况，回复TD退订。`,
    stopped: '【12345】您已退订本热线短信，回复START可恢复接收。',
    started: '【12345】您已恢复接收本热线短信。',
    help: (publicUrl: string) => `【12345】直接回复短信即可反映问题；查询办理进度请回复「查询 案件流水号」、访问 ${publicUrl} 或致电本号码按2。回复TD退订。`,
    progress: (caseNumber: string, words: string) => `【12345】案件 ${caseNumber}：${words}。`,
    notFound: (caseNumber: string) => `【12345】未找到案件 ${caseNumber}，请核对案件流水号后重新发送。`,
    signed: (text: string) => `【12345】${text}`,
  },
  wechat: {
    received: (caseNumber: string) => `您的诉求已收到，案件流水号 ${caseNumber}。我们会尽快处理。`,
    howToReport: '直接在对话框发送文字、语音、图片或位置即可反映问题，我们会回复案件流水号。',
    howToTrack: '发送案件流水号（14 位以上数字，如 20261122000123），或「查询 案件流水号」，即可查询办理进度。',
    welcome: (howToReport: string, howToTrack: string) => `感谢关注市民热线！\n${howToReport}\n${howToTrack}`,
    notFound: (caseNumber: string) => `未找到该案件（流水号 ${caseNumber}），请核对后重新发送。`,
    caseNumber: (caseNumber: string) => `案件流水号 ${caseNumber}`,
    status: (words: string) => `办理状态：${words}`,
    submittedAt: (at: string) => `提交时间：${at}`,
    decidedAt: (at: string) => `处理时间：${at}`,
    rejectReason: (reason: string) => `不予受理原因：${reason}`,
  },
  voice: {
    language: 'zh-CN' as 'zh-CN' | 'en-US',
    welcome: '您好，这里是12345市民服务热线。反映问题请按1，或直接说出您的问题；查询办理进度请按2。',
    askReport: '请说出您要反映的问题和发生的地点，说完请稍候。',
    askCaseNumber: '请输入案件流水号，以井号键结束。',
    noInput: '没有收到您的输入，再见。',
    queued: (spokenCase: string) => `您的诉求已登记，案件流水号 ${spokenCase}。正在为您转接坐席，请稍候。`,
    voicemail: (reason: 'closed' | 'busy', spokenCase: string) =>
      `${reason === 'closed' ? '现在是非人工服务时间。' : '坐席正忙。'}您的诉求已登记，案件流水号 ${spokenCase}。如需补充，请在提示音后留言，按井号键结束。`,
    hold: (ahead: number | undefined) => (ahead === undefined ? '坐席正忙，请稍候。' : `您前面还有 ${ahead} 位，请稍候。`),
    incompleteCase: '您输入的案件流水号不完整。请重新拨打本热线查询，再见。',
    caseNotFound: (spokenCase: string) => `未找到案件 ${spokenCase}，请核对后重新拨打本热线，再见。`,
    caseStatus: (spokenCase: string, words: string, rejectReason: string | null) =>
      `案件 ${spokenCase} 当前状态：${words}${rejectReason ? `，原因：${rejectReason}` : ''}。感谢您的来电，再见。`,
    voicemailReceived: (spokenCase: string | undefined) => (spokenCase ? `留言已收到。您的案件流水号是 ${spokenCase}，再见。` : '留言已收到，再见。'),
  },
  notices: {
    /** Only when no event was dispatched with the acceptance: otherwise the dispatch notice says it. */
    accepted: (caseNumber: string) => `您的诉求（案件流水号 ${caseNumber}）已受理，我们将尽快交办处理。`,
    rejected: (caseNumber: string, reason: string) => `您的诉求（案件流水号 ${caseNumber}）不予受理。原因：${reason}`,
    merged: (caseNumber: string, intoCaseNumber: string) =>
      `您反映的问题已有其他市民反映，已并入案件 ${intoCaseNumber} 一并办理。您的案件流水号 ${caseNumber} 仍可查询进度，办结时会通知您。`,
    dispatched: (caseNumber: string, department: string, timeLimit: string) =>
      `您的诉求（案件号 ${caseNumber}）已受理，派由${department}办理，办理时限${timeLimit}。可凭案件号查询进度。`,
    closed: (caseNumber: string, result: string | null, surveyQuestion: string) =>
      `您的诉求（案件号 ${caseNumber}）已办结。${result ? `处理结果：${withoutEndMark(result)}。` : ''}${surveyQuestion}`,
  },
  survey: {
    question: '请回复数字 1-5 评价：5 非常满意，4 满意，3 基本满意，2 不满意，1 非常不满意。',
    thanks: (rating: number, unsatisfied: boolean) =>
      unsatisfied ? `感谢您的评价（${rating} 分）。很抱歉未能让您满意，我们将核查办理情况并尽快与您联系。` : `感谢您的评价（${rating} 分），祝您生活愉快！`,
    notYet: (caseNumber: string) => `您的诉求（案件号 ${caseNumber}）正在办理中，办结后再请您评价。`,
  },
  /** The step of a case, as every channel (and the public tracking API's statusText) words it. */
  progress: {
    appeal: { pending: '待受理', accepted: '已受理，正在办理', rejected: '不予受理', merged: '已并入其他案件办理', answered: '已直接答复并办结' },
    event: {
      dispatched: (department: string) => `已受理待签收（${department}）`,
      handling: (department: string) => `处置中（${department}）`,
      reported: '已反馈待核查',
      closed: (result: string | null) => (result ? `已办结，处理结果：${result}` : '已办结'),
      returned: '已退回重新派遣中',
      cancelled: '已撤销',
    },
    withTimeLimit: (words: string, timeLimit: string) => `${words}，办理时限 ${timeLimit}`,
    mergedInto: (caseNumber: string) => `已并入案件 ${caseNumber} 一并办理`,
    rejectedBecause: (words: string, reason: string | null) => `${words}：${reason}`,
  },
  /** Open311's status_notes: the same steps in the words a client app shows its reporter. */
  open311: {
    responsibleUnit: '责任单位',
    dispatched: (unit: string) => `已派遣至${unit}，待签收`,
    handling: (unit: string) => `${unit}已签收，正在处置`,
    reported: (unit: string) => `${unit}已反馈处置结果，待中心核查`,
    returned: '责任单位已退回，待中心重新派遣',
    closed: (result: string | null) => (result ? `已办结：${result}` : '已办结'),
    cancelled: (note: string | null) => (note ? `已撤销：${note}` : '已撤销'),
  },
  /** 2026年11月25日 17:30: a time as citizens read it in texts and speech. */
  locale: 'zh-CN',
};

export type CitizenTexts = typeof zhCN;
