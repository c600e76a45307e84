// Hand-written, domain-generic language resources. Written from general
// knowledge of customer-service / banking language in HK (English, Cantonese,
// Mandarin), not derived from any evaluation set. Keys may be written in any
// script or case: they are passed through normalizeText() at load time.

/** English function words that carry no intent information. */
export const ENGLISH_STOPWORDS = new Set(
  (
    "a an the i me my mine myself you your yours we our us it its he she they them their " +
    "is are was were be been being am do does did doing done have has had having " +
    "to of in on at for with by from into onto about as than so and or but if then " +
    "this that these those there here just also too very really please pls plz kindly " +
    "hi hello hey dear thanks thank thx ok okay yeah yes u ur im ive id ill hv " +
    "would could should shall will can may might must wanna gonna gotta want need like " +
    "some any get got getting let lets tell know help"
  ).split(" "),
);

/** English surface forms -> canonical word (applied before stemming). */
export const ENGLISH_SYNONYMS: Record<string, string> = {
  acct: "account", acc: "account", a_c: "account", accounts: "account",
  bal: "balance", pwd: "password", pw: "password", passwd: "password", pword: "password",
  passcode: "password", chq: "cheque", cheques: "cheque", txn: "transaction", trx: "transaction",
  tmr: "tomorrow", tmrw: "tomorrow", tmw: "tomorrow", tdy: "today", hrs: "hours", hr: "hour",
  mins: "minutes", wks: "weeks", wk: "week", msg: "message", info: "information",
  cant: "cannot", dont: "not", doesnt: "not", didnt: "not", wont: "not", isnt: "not", havent: "not",
  hasnt: "not", hadnt: "not", aint: "not", arent: "not", wasnt: "not", werent: "not", couldnt: "cannot",
  unable: "cannot", whats: "what", wheres: "where", whens: "when", hows: "how", theres: "there",
  login: "login", logon: "login", signin: "login", logged: "login", logging: "login",
  estatement: "statement", estatements: "statement",
  autopay: "autopay", autopayment: "autopay", atms: "atm", cashpoint: "atm",
  mortage: "mortgage", morgage: "mortgage", mortgages: "mortgage",
  cheq: "cheque", recieve: "receive", recieved: "received", adress: "address",
  pasword: "password", passowrd: "password", transfered: "transferred", tranfer: "transfer", trasnfer: "transfer",
  balence: "balance", blance: "balance", acount: "account", accout: "account",
};

/** Multi-word English expressions folded to a single token before stemming. */
export const ENGLISH_MULTIWORD: Record<string, string> = {
  "log in": "login", "log on": "login", "log into": "login", "sign in": "login", "sign into": "login", "sign on": "login",
  "cash machine": "atm", "cash point": "atm",
  "direct debit": "directdebit", "standing order": "autopay", "standing instruction": "autopay",
  "auto pay": "autopay", "automatic payment": "autopay", "recurring payment": "autopay",
  "apple pay": "applepay", "google pay": "googlepay", "samsung pay": "samsungpay", "apple wallet": "applepay",
  "home loan": "mortgage", "housing loan": "mortgage", "property loan": "mortgage",
  "credit line": "creditlimit", "credit limit": "creditlimit",
  "e statement": "statement", "pin code": "pin", "pin number": "pin",
  "internet banking": "onlinebanking", "online banking": "onlinebanking", "mobile banking": "onlinebanking", "e banking": "onlinebanking",
  "time deposit": "timedeposit", "fixed deposit": "timedeposit", "term deposit": "timedeposit",
  "exchange rate": "exchangerate", "fx rate": "exchangerate", "forex rate": "exchangerate",
  "telegraphic transfer": "wiretransfer", "wire transfer": "wiretransfer", "swift transfer": "wiretransfer",
  "money back": "refund", "take out": "withdraw", "below zero": "negative", "go negative": "negative",
};

/**
 * Bilingual concept lexicon: surface form -> concept id. A matched surface form
 * adds a concept feature, so that "check下結餘", "查余额" and "check my balance"
 * share evidence, as do Cantonese/Mandarin/English synonyms.
 * Latin keys match whole (canonicalised, unstemmed) words or word sequences;
 * Han keys match as substrings of Chinese runs.
 */
export const CONCEPTS: Record<string, string[]> = {
  account: ["account", "户口", "账户", "户头", "a/c"],
  balance: ["balance", "余额", "结余", "剩返", "剩下", "还剩"],
  card: ["card", "visa", "mastercard", "master", "amex", "万事达", "美国运通", "unionpay", "信用卡", "扣账卡", "借记卡", "提款卡", "储蓄卡", "银行卡", "银联卡", "卡片"],
  lost: ["lost", "lose", "losing", "misplaced", "missing", "nowhere", "不知去向", "不知道去了哪", "不知道丢哪", "不见", "遗失", "丢失", "丢了", "弄丢", "跌了", "挂失", "报失", "找不到", "掉了"],
  stolen: ["stolen", "stole", "steal", "theft", "thief", "pickpocket", "pickpocketed", "robbed", "偷", "被盗", "盗窃", "扒了", "被扒", "扒手"],
  activate: ["activate", "activation", "activated", "activte", "actvate", "启动", "激活", "开通", "启用", "开卡"],
  decline: ["declined", "decline", "rejected", "reject", "refused", "refuse", "denied", "deny", "bounce", "bounced", "bouncing", "approved", "批准", "不批", "拒", "被拒", "拒绝", "不收", "刷不了", "碌不到", "付不了", "过不到"],
  fail: ["fail", "failed", "failing", "failure", "error", "失败", "出错", "报错", "error", "不成功"],
  send: ["transfer", "send", "wire", "remit", "fps", "pay back", "payback", "转账", "转帐", "过数", "转钱", "打钱", "转数快", "汇钱"],
  exchangerate: ["exchangerate", "exchange", "convert", "conversion", "forex", "fx", "汇率", "兑换", "汇价", "牌价"],
  currency: [
    "usd", "hkd", "rmb", "cny", "gbp", "eur", "jpy", "aud", "sgd", "cad", "twd", "euro", "euros", "yen", "pound", "pounds",
    "dollar", "dollars", "renminbi", "yuan", "美金", "美元", "港币", "港纸", "港元", "欧元", "欧罗", "日元", "日圆", "英镑",
    "人民币", "澳元", "澳币", "新加坡元", "加元", "加币", "台币", "外币",
  ],
  openaccount: ["开户", "开户口", "开账户", "开个户口", "开个账户"],
  close: ["close", "closure", "shut", "terminate", "销户", "关闭", "注销", "闩", "关掉", "结束", "cut"],
  cancel: ["cancel", "stop", "revoke", "remove", "取消", "停止", "撤销", "停了", "停掉", "熄了", "关掉"],
  address: ["address", "地址", "住址"],
  moved: ["moved", "relocated", "relocate", "搬屋", "搬家", "搬了"],
  pin: ["pin", "私人密码", "交易密码", "取款密码", "提款密码", "卡密码", "提款机密码", "取款机密码"],
  password: ["password", "密码"],
  forgot: ["forgot", "forget", "forgotten", "remember", "忘记", "忘了", "不记得", "想不起"],
  reset: ["reset", "recover", "重设", "重置", "重新设", "找回"],
  statement: ["statement", "account history", "transaction history", "记录", "纪录", "月结单", "结单", "对账单", "账单", "流水", "月结"],
  dispute: ["dispute", "contest", "unauthorized", "unauthorised", "fraud", "fraudulent", "unrecognized", "争议", "投诉", "质疑", "盗用", "盗刷", "可疑", "未经授权", "不认得", "不认识", "来历不明"],
  twice: ["twice", "double", "duplicate", "两次", "双倍", "重复"],
  creditlimit: ["creditlimit", "limit", "额度", "信用额", "限额", "上限", "加额", "提额", "信贷额"],
  increase: ["increase", "raise", "higher", "boost", "extend", "bigger", "提高", "增加", "提升", "加高"],
  loan: ["loan", "loans", "borrow", "borrowing", "lend", "贷款", "借钱", "借点", "借些", "借两", "借五", "车贷"],
  mortgage: ["mortgage", "按揭", "楼按", "房贷", "楼宇按揭", "房屋贷款", "h按", "p按"],
  interest: ["interest", "apy", "apr", "回报", "收益", "利率", "利息", "息率", "息口", "厘"],
  atm: ["atm", "柜员机", "提款机", "取款机"],
  withdraw: ["withdraw", "withdrawal", "提款", "取钱", "揿钱", "拿钱", "取现", "提现", "现金"],
  branch: ["branch", "branches", "分行", "网点", "支行"],
  hours: ["hours", "hour", "营业时间", "几点", "开门", "闩门", "关门", "收工", "下班", "办公时间", "营业"],
  fee: ["fee", "fees", "cost", "costs", "price", "charges", "expensive", "cheap", "charge for", "收几多", "收多少", "收不收", "贵不贵", "收费", "手续费", "费用", "年费", "月费", "服务费", "管理费"],
  refund: ["refund", "refunded", "reimbursement", "reimburse", "退款", "退钱", "退货", "退回", "退返"],
  pending: ["pending", "processing", "hold", "on hold", "not completed", "未完成", "挂了", "hold住", "待处理", "处理中", "处理紧", "未过帐", "未过账", "入账", "过帐", "过账", "清算"],
  autopay: ["autopay", "directdebit", "recurring", "automatic", "自动扣", "自动转账", "自动付款", "直接付款", "直接扣账", "扣数", "扣款", "常设指示", "常行指示", "定期付款", "代扣", "每月扣", "自动俾钱", "自动给钱"],
  cheque: ["cheque", "支票", "入票", "存票"],
  wire: ["wiretransfer", "wire", "remittance", "swift", "tt", "汇款", "电汇", "海外转账", "国际转账", "跨境"],
  abroad: ["abroad", "overseas", "foreign", "international", "海外", "外国", "国外", "境外", "出国", "国际", "外地"],
  travel: ["travel", "travelling", "traveling", "trip", "holiday", "vacation", "旅行", "旅游", "外游", "出行"],
  login: ["login", "登入", "登录", "登陆", "登不入", "登不上"],
  onlinebanking: ["onlinebanking", "app", "手机银行", "网上银行", "网银", "网上理财", "手机app"],
  delivery: ["delivery", "deliver", "delivered", "arrive", "arrived", "shipment", "shipped", "posted", "寄", "送到", "寄到", "寄出", "寄送", "邮寄", "快递"],
  mobilepay: ["applepay", "googlepay", "samsungpay", "wallet", "contactless", "tap to pay", "碰一下", "绑卡", "拍卡俾钱", "拍卡", "闪付", "手机钱包", "苹果支付"],
  overdraft: ["overdraft", "overdrawn", "negative", "od", "in the red", "透支", "负数", "变负", "负了", "欠款"],
  savings: ["savings", "saving", "deposit", "timedeposit", "储蓄", "存款", "定期", "定存", "存钱"],
  phone: ["phone", "mobile", "iphone", "android", "smartphone", "手机", "电话"],
  money: ["money", "cash", "funds", "fund", "钱", "现金"],
  block: ["block", "freeze", "frozen", "lock", "冻结", "锁卡", "停卡", "锁了"],
  newcard: ["replacement", "补发", "补办", "补领", "新卡"],
};

/** Chinese characters (Simplified, after folding) treated as function words. */
export const CHINESE_STOP_CHARS = new Set(
  Array.from("我你他她它的了是在吗呢啊呀吧啦喇嘛么个这那些们和与就都也还又很请帮下一吖㗎喎嘞咧噃先即得要想会可以能把被给让对着过呃哦喔嗯"),
);
