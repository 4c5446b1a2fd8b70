// The first screen's texts (sign-in, 待办, tab bar, banners): in the main chunk. The other
// screens' texts are in zh-CN.later.ts, fetched beside the first paint (i18n/index.ts).
export default {
  app: {
    screenNeedsNetwork: '此页面需要联网后才能打开，已填写的内容保存在手机上',
  },
  nav: { home: '填报', outbox: '发件箱', settings: '我的', bureau: '工作台' },
  auth: {
    title: '登录校园填报',
    subtitle: '学校安全检查 · 食堂评级 · 统计上报 · 责任书',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    required: '请填写用户名和密码',
    wrong: '用户名或密码不正确',
    network: '无法连接服务器，请检查网络后重试',
    expired: '登录已过期，请重新登录。',
    expiredWaiting: '登录已过期，请重新登录。{n} 份待发送的报告已保存在手机上，不会丢失。',
    offlineFirst: '首次登录需要联网',
  },
  todo: {
    title: '待办',
    group: { overdue: '已逾期', soon: '即将到期', period: '本期应报', hazard: '待整改隐患', pledge: '待签责任书', unread: '未读通知' },
    late: '逾期 {n} 天',
    dueToday: '今天到期',
    dueIn: '还剩 {n} 天 · {date} 截止',
    pending: '已提交，待送达',
    empty: '暂无待办事项',
    allForms: '全部表单',
    noForm: '找不到这份表单，请联网同步后再试',
  },
  update: {
    available: '有新版本可用',
    reload: '更新',
    later: '稍后',
  },
  capability: {
    noServiceWorker: '此浏览器不能在断网时打开本应用：没有信号时请不要关闭本页面。已填写的报告会保存在手机上，联网后自动发送。',
    noIndexedDb: '当前浏览器无法在手机上保存报告（可能是无痕模式），请换用系统浏览器。',
    wechat: '在微信中打开时可能无法离线使用，建议点右上角“…”选择“在浏览器打开”。',
    ios: 'iPhone 用户请点“分享”→“添加到主屏幕”，否则 Safari 可能在 7 天未使用后清除本机数据。',
  },
  hazard: { title: '隐患' },
  pledge: { tab: '责任书' },
}
