/**
 * Stop words for hot terms and duplicate evidence: function words, spoken fillers (喂, 那个,
 * 就是), politeness and petition boilerplate (您好, 尊敬的领导, 特此反映), and words every appeal
 * uses (反映, 问题, 处理). The classifier does not drop them: 请问 or 投诉 tell the appeal type.
 */
const words = `
的 了 着 过 地 得 之 和 与 及 或 而 且 并 但 但是 可是 而且 并且 还是 或者 以及 因为 所以 如果 虽然 然后 于是 那么 就 都 也 还 又 再 才 只 已 已经 曾经 正在 在 从 自 到 向 对 对于 把 被 给 让 比 跟 同 为 为了 由 由于 关于 按照 根据 通过 等 等等
我 我们 你 你们 您 他 他们 她 她们 它 它们 咱们 自己 大家 别人 人家 本人 这 那 这个 那个 这些 那些 这里 那里 这边 那边 这儿 那儿 这样 那样 这么 那么 什么 怎么 怎么样 怎样 哪 哪里 哪儿 哪个 谁 多少 几 为什么 如何 是否 是不是 有没有 能不能 可不可以 会不会
是 有 没 没有 不 不是 很 非常 特别 比较 太 挺 更 最 好 好的 都是 就是 还有 也是 一下 一些 一个 一点 一直 一样 一般 一起 现在 今天 昨天 前天 明天 最近 目前 时候 时间 每天 经常 总是 老是 多次 好几次 几次 一次 两次
啊 呀 吧 呢 吗 嘛 哦 噢 嗯 喂 哎 唉 哈 呵 啦 咯 哇 额 呃 嗨 喔 哟 么 罢了 而已 的话 似的 一样 对对 对对对 是的 好好 行 行吧 那个啥 这个这个 就是说 然后呢 反正 其实 基本上 的确 确实 真的 真是 实在 简直 可能 应该 估计 好像 感觉 觉得 知道 看到 发现 听说 说 讲 问 想 要 能 会 可以 需要 希望 麻烦 请 请问 谢谢 感谢 您好 你好 喂喂 打扰 打扰了 不好意思 辛苦 辛苦了
反映 反应 问题 情况 事情 事 处理 解决 尽快 及时 相关 部门 有关 领导 尊敬 尊敬的 政府 热线 12345 工作人员 同志 市民 群众 居民 老百姓 本人 来电 来信 特此 此致 敬礼 望 恳请 予以 给予 重视 一下子 目前为止 现 现在 其中 这种 那种 这件 那件 这次 那次 上次 之前 以前 以后 之后 后来 当时 附近 旁边 周边 一带 位置 地方 地址 地点 里面 外面 上面 下面 门口 路口 小区 社区 街道 区 市 号 栋 幢 号楼 单元 室 层 楼层
`;

/**
 * How people talk, not what about: time words (晚上, 几天, 凌晨), vague people and amounts (有人,
 * 很多, 很大), spoken fillers. Hot words made of these (有人, 晚上, 几天, 那盏, 很大) told
 * supervisors nothing.
 */
const spoken = `
早上 早晨 上午 中午 下午 傍晚 晚上 夜里 夜间 半夜 深夜 凌晨 白天 今早 今晚 昨晚 前晚 每晚 天天 整天 一整天 几天 好几天 这几天 那几天 前几天 这两天 这段 这段时间 一段时间 一周 一个月 半个月 几个月 星期 礼拜 周末 平时 刚才 刚刚 马上 一会 一会儿 半天 好久 很久 多久 以来 至今 到现在
有人 有个 有些 有的 有点 有点儿 人员 别人家 某人 个人 一家 那家 这家 那边儿 很多 好多 许多 太多 不少 很大 太大 很小 很长 很高 很久 很差 很严重 特别大 老大 一大 一堆 一片 一个个 到处 都是 每次 经常性 一到 一下雨 之类 什么的 等等 啥 咋 咋办 怎么办 怎么回事 没办法 受不了 不行 不了 得很 死了 要命
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${words} ${spoken}`.split(/\s+/).filter(Boolean));

/** A demonstrative or number with a measure word (那盏, 这条, 两辆) or a span of time (三天, 半个月, 十点): how, not what. */
const MEASURE_OR_TIME =
  /^(?:[这那哪每各某一两俩几多半数][个盏条根只座栋位辆家块片些间处段次回趟天夜晚周月年]|[0-9一二两三四五六七八九十百几半多]+(?:个)?(?:天|夜|晚|周|星期|个月|月|年|小时|分钟|点|点钟|点多|次|回|趟))$/;

/** True for a token that carries no matter: a stop word, punctuation, a lone digit run or a single Latin letter. */
export function isStopToken(token: string): boolean {
  if (STOP_WORDS.has(token)) return true;
  if (MEASURE_OR_TIME.test(token)) return true;
  if (!/[\u3400-\u9fffa-z]/i.test(token)) return true;
  if (/^[a-z]$/i.test(token)) return true;
  return false;
}
