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
  balance: ["户口有多少", "账户有多少", "户口仲有", "账户还有", "存款有多少", "how much do i have", "how much money", "还有多少", "剩低", "funds available", "available funds", "money left", "have left", "left in", "holds", "sitting in", "还有多少钱", "剩几多", "剩多少", "balance", "余额", "结余", "剩返", "剩下", "还剩"],
  card: ["card", "visa", "mastercard", "master", "amex", "万事达", "美国运通", "unionpay", "信用卡", "扣账卡", "借记卡", "提款卡", "储蓄卡", "银行卡", "银联卡", "卡片"],
  lost: ["消失", "找不回来", "唔知跌咗", "不知丢", "遗失", "唔见", "冇咗", "vanished", "disappeared", "gone", "misplace", "dropped", "left behind", "cannot find", "not find", "lost track", "can not find", "不见了", "冇咗", "跌咗", "跌了", "留低", "落在", "放哪", "去了哪", "去咗边", "不知放", "丢", "找极都找不到", "找不回", "lost", "lose", "losing", "misplaced", "missing", "nowhere", "不知去向", "不知道去了哪", "不知道丢哪", "不见", "遗失", "丢失", "丢了", "弄丢", "跌了", "挂失", "报失", "找不到", "掉了"],
  stolen: ["nicked", "pinched", "snatched", "swiped", "mugged", "robbed", "burgled", "抢", "扒", "被人拿", "偷走", "stolen", "stole", "steal", "theft", "thief", "pickpocket", "pickpocketed", "robbed", "偷", "被盗", "盗窃", "扒了", "被扒", "扒手"],
  activate: ["未开通", "还没开通", "生效", "开卡", "enable", "还不能用", "未能用", "未用得", "not working yet", "doesnt work yet", "inactive", "switch on", "turn on", "unlock", "up and running", "get it working", "make it work", "usable", "start using", "start to use", "开始用", "用得", "先用得", "先能用", "才能用", "开咗", "开了它", "启动", "activate", "activation", "activated", "activte", "actvate", "启动", "激活", "开通", "启用", "开卡"],
  decline: ["付不到款", "交易失败", "付款失败", "碌卡不到", "payment failed", "not going through", "给不到钱", "给人拒", "刷唔到", "不成功", "go through", "went through", "not accepted", "accepted", "bounces", "declines", "拒收", "不接受", "刷不过", "过不到", "用不到", "不能用", "不得", "declined", "decline", "rejected", "reject", "refused", "refuse", "denied", "deny", "bounce", "bounced", "bouncing", "approved", "批准", "不批", "拒", "被拒", "拒绝", "不收", "刷不了", "碌不到", "付不了", "过不到"],
  fail: ["fail", "failed", "failing", "failure", "error", "失败", "出错", "报错", "error", "不成功"],
  send: ["给钱", "过钱", "付钱给", "寄钱", "汇出", "owe", "pay back", "pay her", "pay him", "pay someone", "pay my friend", "move money", "shift money", "move funds", "e transfer", "过数", "还钱", "给返", "转钱", "转一", "转两", "转三", "过一", "过三", "transfer", "send", "wire", "remit", "fps", "pay back", "payback", "转账", "转帐", "过数", "转钱", "打钱", "转数快", "汇钱"],
  exchangerate: ["exchangerate", "exchange", "convert", "conversion", "forex", "fx", "汇率", "兑换", "汇价", "牌价"],
  currency: ["korean won", "baht", "ringgit", "rupee", "peso", "franc", "aussie", "韩元", "韩圜", "泰铢", "欧罗", "卢布", 
    "usd", "hkd", "rmb", "cny", "gbp", "eur", "jpy", "aud", "sgd", "cad", "twd", "euro", "euros", "yen", "pound", "pounds",
    "dollar", "dollars", "renminbi", "yuan", "美金", "美元", "港币", "港纸", "港元", "欧元", "欧罗", "日元", "日圆", "英镑",
    "人民币", "澳元", "澳币", "新加坡元", "加元", "加币", "台币", "外币",
  ],
  openaccount: ["新客户", "申请户口", "开个账户", "open an account", "open a new", "open a bank", "open a savings", "open a checking", "open a current", "open a joint", "open a business", "open new", "open account", "new account", "开储蓄", "开支票", "开往来", "开公司", "开联名", "开新", "开一个新", "join", "become a customer", "new customer", "bank with you", "banking with you", "sign up", "signup", "加入", "成为客户", "成为你们的客户", "做你们客户", "开个户口", "开一个户口", "开户", "开户口", "开账户", "开个户口", "开个账户"],
  close: ["不再用", "不再使用", "关户", "cancel my account", "cancel account", "cancel the account", "cancel my bank account", "取消账户", "取消户口", "取消我的账户", "取消我个户口", "取消个户口", "close", "closure", "shut", "terminate", "销户", "关闭", "注销", "闩", "关掉", "结束", "cut"],
  cancel: ["turn off", "switch off", "cancel", "stop", "revoke", "remove", "取消", "停止", "撤销", "停了", "停掉", "熄了", "关掉"],
  address: ["通讯地址", "postal", "mailing", "correspondence", "residential", "letters", "living", "住", "住址", "地址", "address", "地址", "住址"],
  moved: ["moving", "move house", "relocating", "new flat", "new home", "new place", "搬到", "新家", "新屋", "搬", "moved", "relocated", "relocate", "搬屋", "搬家", "搬了"],
  pin: ["card pin", "卡的密码", "张卡的密码", "卡嘅密码", "four digit", "4 digit", "digit", "digits", "pin", "四位数", "四位", "柜员机密码", "atm密码", "pin", "私人密码", "交易密码", "取款密码", "提款密码", "卡密码", "提款机密码", "取款机密码"],
  password: ["password", "密码"],
  forgot: ["forgot", "forget", "forgotten", "remember", "忘记", "忘了", "不记得", "想不起"],
  reset: ["reset", "recover", "重设", "重置", "重新设", "找回"],
  statement: ["证明", "交易纪录", "records", "record", "activity", "proof", "bank history", "历史", "明细", "交易记录", "statement", "account history", "transaction history", "记录", "纪录", "月结单", "结单", "对账单", "账单", "流水", "月结"],
  dispute: ["没有授权", "未授权", "诈骗", "骗", "多扣", "扣多", "重复扣款", "扣了两次", "扣两次", "never bought", "never made", "not mine", "suspicious", "unknown", "unrecognised", "recognise", "recognize", "scam", "scammed", "overcharged", "double charged", "charged twice", "billed twice", "query", "不是我", "没买过", "没有买过", "不明", "不知名", "多收", "申诉", "dispute", "contest", "unauthorized", "unauthorised", "fraud", "fraudulent", "unrecognized", "争议", "投诉", "质疑", "盗用", "盗刷", "可疑", "未经授权", "不认得", "不认识", "来历不明"],
  twice: ["twice", "double", "duplicate", "两次", "双倍", "重复"],
  creditlimit: ["不够使", "不够额", "额不够", "cap", "maximum", "max", "maxed", "max out", "allowance", "spending power", "额", "上限", "签到爆", "刷爆", "碌爆", "creditlimit", "limit", "额度", "信用额", "限额", "上限", "加额", "提额", "信贷额"],
  increase: ["increase", "raise", "higher", "boost", "extend", "bigger", "提高", "增加", "提升", "加高"],
  loan: ["私人贷款", "分期", "借贷", "私贷", "financing", "finance", "lend me", "instalment loan", "installment loan", "cash loan", "借", "贷", "loan", "loans", "borrow", "borrowing", "lend", "贷款", "借钱", "借点", "借些", "借两", "借五", "车贷"],
  mortgage: ["apartment", "buy a house", "buying a house", "buy property", "buying property", "公寓", "买单位", "买屋", "上车", "供楼", "物业", "property loan", "buy a flat", "buying a flat", "buy a home", "first home", "买楼", "买房", "物业贷款", "楼按", "mortgage", "按揭", "楼按", "房贷", "楼宇按揭", "房屋贷款", "h按", "p按"],
  interest: ["年息", "return", "returns", "yield", "earn", "回报", "收益", "多少息", "多少利息", "几厘", "interest", "apy", "apr", "回报", "收益", "利率", "利息", "息率", "息口", "厘"],
  atm: ["拎钱", "cash machine", "pull out cash", "get cash", "揿钱", "撳钱", "攞钱", "取钱", "提款", "atm", "柜员机", "提款机", "取款机"],
  withdraw: ["withdraw", "withdrawal", "提款", "取钱", "揿钱", "拿钱", "取现", "提现", "现金"],
  nearby: ["nearby", "near me", "close by", "closest", "nearest", "near here", "around here", "附近", "最近的", "邻近", "就近"],
  branch: ["branch", "branches", "分行", "网点", "支行"],
  hours: ["are you open", "you open", "open on", "open today", "open tomorrow", "still open", "open late", "close early", "bank close", "branch close", "you close", "do you close", "does the bank close", "does the branch close", "几时开", "开不开", "开唔开", "opening", "closing", "until what time", "what time", "几点", "开到几点", "早收", "收工", "开门", "关门", "hours", "hour", "营业时间", "几点", "开门", "闩门", "关门", "收工", "下班", "办公时间", "营业"],
  fee: ["豁免", "免费", "收唔收费", "收不收费", "要多少钱", "收多少", "cost me", "how much does it cost", "how much do you charge", "charged me", "annual", "every year", "per year", "yearly", "waive", "收钱", "收唔收", "收不收", "每年", "年费", "fee", "fees", "cost", "costs", "price", "charges", "expensive", "cheap", "charge for", "收几多", "收多少", "收不收", "贵不贵", "收费", "手续费", "费用", "年费", "月费", "服务费", "管理费"],
  refund: ["reversed", "reversal", "reimbursed", "owes me", "credited back", "chargeback", "refunds", "退", "refund", "refunded", "reimbursement", "reimburse", "退款", "退钱", "退货", "退回", "退返"],
  pending: ["交易卡", "卡住了", "卡在", "settled", "settle", "posted", "authorised", "authorized", "authorisation", "cleared", "not cleared", "processing", "stuck", "未过数", "还没过数", "未入账", "还没入账", "处理中", "处理紧", "挂起", "pending", "pending", "processing", "hold", "on hold", "not completed", "未完成", "挂了", "hold住", "待处理", "处理中", "处理紧", "未过帐", "未过账", "入账", "过帐", "过账", "清算"],
  autopay: ["自动缴费", "授权扣款", "自动扣数", "月供", "debit me", "every month", "monthly payment", "subscription", "auto deduct", "deduction", "deducting", "taking money", "每月扣", "每个月扣", "自动扣", "每月自动", "每个月自动", "autopay", "directdebit", "recurring", "automatic", "自动扣", "自动转账", "自动付款", "直接付款", "直接扣账", "扣数", "扣款", "常设指示", "常行指示", "定期付款", "代扣", "每月扣", "自动俾钱", "自动给钱"],
  cheque: ["cheque", "支票", "入票", "存票"],
  wire: ["wiretransfer", "wire", "remittance", "swift", "tt", "汇款", "电汇", "海外转账", "国际转账", "跨境"],
  abroad: ["another country", "other country", "other countries", "别的国家", "其他国家", "第二个国家", "japan", "korea", "thailand", "taiwan", "usa", "states", "america", "uk", "england", "london", "europe", "france", "germany", "italy", "australia", "canada", "singapore", "vietnam", "malaysia", "india", "philippines", "mainland", "日本", "韩国", "泰国", "台湾", "美国", "英国", "伦敦", "欧洲", "法国", "德国", "意大利", "澳洲", "澳大利亚", "加拿大", "新加坡", "越南", "马来西亚", "印度", "菲律宾", "内地", "外面", "abroad", "overseas", "foreign", "international", "海外", "外国", "国外", "境外", "出国", "国际", "外地"],
  travel: ["出境", "放假", "去玩", "flying", "fly", "flight", "trip", "going away", "business trip", "abroad next", "飞", "度假", "外游", "旅行", "旅游", "出差", "公干", "travel", "travelling", "traveling", "trip", "holiday", "vacation", "旅行", "旅游", "外游", "出行"],
  login: ["闪退", "死机", "hang机", "卡死", "用户名", "log me in", "let me in", "username", "user id", "kicked out", "locked out", "login screen", "sign in", "log in", "登入", "登录", "进不去", "入不到", "登不进", "login", "登入", "登录", "登陆", "登不入", "登不上"],
  onlinebanking: ["onlinebanking", "app", "手机银行", "网上银行", "网银", "网上理财", "手机app"],
  delivery: ["什么时候到", "未收到", "还没收到", "还未到", "物流", "派送", "come", "came", "arrive", "arrival", "dispatch", "dispatched", "mail", "in the post", "ship", "courier", "expect", "still waiting", "寄", "寄到", "寄出", "寄来", "送到", "未到", "还没到", "delivery", "deliver", "delivered", "arrive", "arrived", "shipment", "shipped", "posted", "寄", "送到", "寄到", "寄出", "寄送", "邮寄", "快递"],
  mobilepay: ["手机支付", "电子钱包", "绑定", "云闪付", "碰一碰", "applepay", "googlepay", "samsungpay", "wallet", "contactless", "tap to pay", "碰一下", "绑卡", "拍卡俾钱", "拍卡", "闪付", "手机钱包", "苹果支付"],
  overdraft: ["赤字", "below zero", "go negative", "into the red", "spend more than", "overspend", "overspent", "负数", "变负", "超支", "用超", "用多过", "overdraft", "overdrawn", "negative", "od", "in the red", "透支", "负数", "变负", "负了", "欠款"],
  savings: ["savings", "saving", "deposit", "timedeposit", "储蓄", "存款", "定期", "定存", "存钱"],
  phone: ["phone", "mobile", "iphone", "android", "smartphone", "手机", "电话"],
  money: ["money", "cash", "funds", "fund", "钱", "现金"],
  block: ["stop my card", "cancel my card", "停用", "停咗", "停掉", "block", "freeze", "frozen", "lock", "冻结", "锁卡", "停卡", "锁了"],
  newcard: ["new card", "renewed card", "renewal card", "续期卡", "新发", "新卡", "replacement", "补发", "补办", "补领", "新卡"],
};

/** Chinese characters (Simplified, after folding) treated as function words. */
export const CHINESE_STOP_CHARS = new Set(
  Array.from("我你他她它的了是在吗呢啊呀吧啦喇嘛么个这那些们和与就都也还又很请帮下一吖㗎喎嘞咧噃先即得要想会可以能把被给让对着过呃哦喔嗯啩啰咋喇咯嘅咗噶嘢"),
);
