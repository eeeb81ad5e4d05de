import { isMessageKey, t } from "../i18n/index.ts";

/**
 * The sources behind the debrief's "real or myth" panel, from shared/design/SOURCES.md (the ids
 * are its S-numbers). Where only a copy of an article could be found, `url` is that copy and
 * `copy` says whose text it is. `year` says "n.d." where the page shows no date, never a guess.
 * Titles and names stay as published; what this file adds in its own words (a title standing
 * for a headline the copy lacks, "citing", "tr.", a copy's kind, "n.d.") is in the `content`
 * catalog as `source.<id>.<field>`, so it reads in the device's language.
 */
export interface Source {
  readonly title: string;
  readonly publisher: string;
  readonly year: string;
  url: string;
  /** Set when the link is a repost or mirror of the publisher's text. */
  readonly copy?: string;
}

type CopyKind = "repost" | "forum-repost" | "mirror" | "third-party" | "court-opinion";

/** A source as written here: a field left out is worded by the catalog (`year` left out and not worded: no date). */
interface Published {
  title?: string;
  publisher?: string;
  year?: string;
  url: string;
  copy?: CopyKind;
}

const PUBLISHED = {
  S1: {
    title: "China's Nightmarish Citizen Scores Are a Warning For Americans (with its update of 8 Oct 2015)",
    publisher: "ACLU, Free Future blog",
    year: "2015",
    url: "https://www.aclu.org/blog/privacy-technology/consumer-privacy/chinas-nightmarish-citizen-scores-are-warning-americans",
  },
  S2: {
    title: "In China, Your Credit Score Is Now Affected By Your Political Opinions – And Your Friends' Political Opinions",
    publisher: "Private Internet Access blog (Rick Falkvinge)",
    year: "2015",
    url: "https://www.privateinternetaccess.com/blog/2015/10/in-china-your-credit-score-is-now-affected-by-your-political-opinions-and-your-friends-political-opinions/",
  },
  S4: {
    title: "China's 'citizen scores' credit system isn't as Orwellian as the ACLU thinks…yet",
    publisher: "Tech in Asia (C. Custer)",
    year: "2015",
    url: "https://defence.pk/threads/the-limit-on-government-power-in-china-or-is-there-any.401762/page-2",
    copy: "forum-repost",
  },
  S6: {
    title: "Ant Financial Unveils China's First Credit-Scoring System Using Online Data",
    year: "2015",
    url: "https://stockhouse.com/news/press-releases/2015/01/27/ant-financial-unveils-china-s-first-credit-scoring-system-using-online-data",
  },
  S7: {
    title: "Alibaba's finance arm officially launches credit scoring service Sesame Credit",
    publisher: "TechNode",
    year: "2015",
    url: "https://technode.com/2015/01/29/alibabas-finance-arm-officially-launches-credit-scoring-service-sesame-credit/",
  },
  S10: {
    publisher: "China Daily",
    year: "2015",
    url: "http://vshangxuetang.com/business/2015-07/10/content_21246954.htm",
    copy: "third-party",
  },
  S11: {
    title: "Sesame Credit: data-driven credit scoring",
    publisher: "Fintech News Singapore",
    url: "https://fintechnews.sg/1302/fintech/sesame-credit-data-driven-credit-scoring/",
  },
  S12: {
    title: "Alipay Offers Ticket to Easier Visa Access for China's High-Spending Globetrotters",
    publisher: "Jing Daily",
    year: "2015",
    url: "http://jingdaily.com/alipay-offers-ticket-to-easier-visa-access-for-chinas-high-spending-globetrotters/",
  },
  S13: {
    title: "Chinese mobile wallets to help speed up visa applications",
    year: "2015",
    url: "http://wei-ukconsulting.co.uk/chinese-mobile-wallets-to-help-speed-up-visa-applications/",
  },
  S14: {
    title: "Credit score by Alibaba applicable for visa applications to Japan or Luxembourg",
    publisher: "ECNS",
    year: "2017",
    url: "http://www.ecns.cn/m/2017/06-09/260910.shtml",
  },
  S16: {
    title: "Alibaba's Ant Financial adds credit rating service",
    year: "2015",
    url: "http://pymnts.com/news/2015/alibabas-ant-financial-adds-credit-rating-service",
  },
  S17: {
    title: "Just spend",
    publisher: "The Economist",
    year: "2016",
    url: "http://www.economist.com/news/finance-and-economics/21710292-chinas-consumer-credit-rating-culture-evolving-fastand-unconventionally-just",
  },
  S18: {
    title: "Playing Video Games Could Become a Strike Against You in China",
    url: "https://www.rollingstone.com/glixel/news/playing-video-games-could-become-strike-against-you-in-china-w517522",
  },
  S20: {
    title: "Zhima (Sesame) Credit Responds to FT Article",
    publisher: "Fintech Nexus",
    url: "https://news.fintechnexus.com/zhima-sesame-credit-responds-ft-article/",
  },
  S22: {
    title: "Alipay apologizes for sharing user data with Sesame Credit by default",
    publisher: "China Plus (CRI)",
    year: "2018",
    url: "http://chinaplus.cri.cn/news/business/12/20180104/73605.html",
  },
  S24: {
    title: "China's private sector credit information services: the Baihang story",
    publisher: "BIIA",
    year: "2018",
    url: "https://www.biia.com/chinas-private-sector-credit-information-services-the-baihang-story",
  },
  S25: {
    title: "Baihang Credit finally receives its license, although the future remains bleak",
    publisher: "Kapronasia (Felix Yang)",
    year: "2018",
    url: "https://www.kapronasia.com/china-banking-research-category/item/935-baihang-credit-finally-receives-its-license-although-the-future-remains-bleak.html",
  },
  S27: {
    title: "Ant-backed credit rating firm gets central bank approval in China after 3-year wait",
    publisher: "South China Morning Post",
    year: "2024",
    url: "https://worldpakistan.net/ant-backed-credit-rating-firm-gets-central-bank-approval-in-china-after-3-year-wait",
    copy: "repost",
  },
  S28: {
    title: "Court blacklist prevents millions from flying, taking high-speed trains",
    publisher: "China Daily",
    year: "2017",
    url: "http://covid-19.chinadaily.com.cn/china/2017-02/14/content_28195359.htm",
  },
  S29: {
    title: "Credit blacklist for the dishonest grows",
    year: "2019",
    url: "https://archive.shine.cn/nation/Credit-blacklist-for-the-dishonest-grows/shdaily.shtml",
  },
  S31: {
    title: "Several Provisions on the Release of the Judgment Defaulters List (2017 revision)",
    year: "2017",
    url: "https://www.chinalawtranslate.com/en/%E9%AB%98%E9%99%A2%E5%85%B3%E4%BA%8E%E5%85%AC%E5%B8%83%E5%A4%B1%E4%BF%A1%E8%A2%AB%E6%89%A7%E8%A1%8C%E4%BA%BA%E5%90%8D%E5%8D%95%E4%BF%A1%E6%81%AF%E7%9A%84%E8%A7%84%E5%AE%9A%EF%BC%882017%E5%B9%B4/",
  },
  S32: {
    title: "Debtors in China are placed on a blacklist that prohibits them from flying, buying train tickets and staying at luxury hotels",
    publisher: "Business Insider",
    year: "2017",
    url: "https://www.businessinsider.in/Debtors-in-China-are-placed-on-a-blacklist-that-prohibits-them-from-flying-buying-train-tickets-and-staying-at-luxury-hotels/articleshow/62143176.cms",
  },
  S33: { title: "Nowhere to hide", publisher: "China Law & Practice", year: "2009", url: "https://chinalawandpractice.com/2009/07/28/nowhere-to-hide" },
  S34: {
    title: "Getting Rongcheng Right",
    publisher: "China Law Translate (Jeremy Daum)",
    url: "https://www.chinalawtranslate.com/en/getting-rongcheng-right/",
  },
  S35: {
    title: "Rongcheng Municipal Measures on Personal Credit Rewards and Punishments",
    url: "https://www.chinalawtranslate.com/en/rongcheng-personal-credit-reward-and-punishment-measures/",
  },
  S36: {
    title: "Rongcheng personal credit assessment standards (Attachment 1)",
    url: "https://www.chinalawtranslate.com/en/%E8%8D%A3%E6%88%90%E5%B8%82%E4%B8%AA%E4%BA%BA%E4%BF%A1%E7%94%A8%E8%AF%84%E4%BB%B7%E6%A0%87%E5%87%86/",
  },
  S38: {
    title: "The complex reality of China's social credit system: hi-tech dystopian plot or low-key incentive scheme?",
    publisher: "South China Morning Post (Nectar Gan)",
    year: "2019",
    url: "https://www.sott.net/article/418915-The-complex-reality-of-Chinas-social-credit-system-Hi-tech-dystopian-plot-or-low-key-incentive-scheme",
    copy: "repost",
  },
  S39: {
    title: "Zibo, Shandong creates a 'credit points' village service model",
    year: "2022",
    url: "https://www.tellerreport.com/life/2022-12-04-zibo--shandong-creates-a-%22credit-points%22-village-service-model-to-empower-grassroots-governance.B1gN2h9Ywj.html",
  },
  S41: {
    title: "Across China: Credit system provides support for social development",
    publisher: "Xinhua",
    year: "2018",
    url: "http://xinhuanet.com/english/2018-07/03/c_137298542.htm",
  },
  S42: {
    title: "Central Planning, Local Experiments: The complex implementation of China's Social Credit System",
    publisher: "MERICS (Ohlberg, Ahmed, Lang)",
    year: "2017",
    url: "https://www.merics.org/en/report/central-planning-local-experiments",
  },
  S43: {
    title: "How the West Got China's Social Credit System Wrong",
    publisher: "Wired (Louise Matsakis)",
    year: "2019",
    url: "https://peopleandtech.org/how-the-west-got-chinas-social-credit-system-wrong",
    copy: "mirror",
  },
  S44: {
    year: "2022",
    url: "https://threadreaderapp.com/thread/1536720793035481090.html",
  },
  S46: { title: "Easy as ABC", publisher: "China Law Translate (Jeremy Daum)", url: "https://www.chinalawtranslate.com/easy-as-abc/" },
  S47: {
    title: "Understanding China's Social Credit System",
    publisher: "Trivium China",
    year: "2019",
    url: "http://socialcredit.triviumchina.com/what-is-social-credit/analysis/",
  },
  S48: {
    title: "Hunan releases implementation plan for 'Double Random, One Open' inspections",
    publisher: "Trivium China",
    year: "2019",
    url: "http://socialcredit.triviumchina.com/2019/06/hunan-releases-implementation-plan-for-double-random-inspections/",
  },
  S49: {
    title: "China's Corporate Social Credit System",
    year: "2020",
    url: "https://docslib.org/doc/11771875/corporate-social-credit-system",
  },
  S50: {
    title: "China's social credit system is actually quite boring",
    publisher: "MERICS (Vincent Brussee)",
    year: "2021",
    url: "https://merics.org/en/comment/chinas-social-credit-system-actually-quite-boring",
  },
  S51: {
    title: "The Social Credit System Construction Law is open for comments",
    publisher: "China IPIC",
    year: "2022",
    url: "http://en.chinaipic.com/news/679.html",
  },
  S53: {
    title: "Latif v. Holder, Opinion and Order (D. Or., 24 Jun 2014)",
    publisher: "US District Court for the District of Oregon",
    year: "2014",
    url: "https://vdocuments.mx/latif-v-holder.html",
    copy: "court-opinion",
  },
  S54: {
    title: "Immigrants could be required to show credit scores if they want to stay in the US",
    publisher: "businessenviron.com",
    year: "2018",
    url: "https://businessenviron.com/posts/immigrants-could-be-required-to-show-credit-scores-if-they-want-to-stay-in-the-us",
  },
  S54n: {
    title: "Opposing Notice of Proposed Rulemaking on Public Charge Determinations",
    publisher: "National Consumer Law Center",
    year: "2018",
    url: "https://www.nclc.org/resources/opposing-notice-of-proposed-rulemaking-on-public-charge-determinations/",
  },
  S55: {
    title: "Your Facebook friends could be the ticket to your next loan",
    publisher: "Fortune (Kia Kokalitcheva)",
    year: "2015",
    url: "http://fortune.com/2015/08/04/facebook-loan-approval-network",
  },
  S56: {
    title: "Facebook forces Admiral to pull plan to price car insurance based on posts",
    publisher: "The Guardian",
    year: "2016",
    url: "https://www.theguardian.com/money/2016/nov/02/facebook-admiral-car-insurance-privacy-data",
  },
  S57: {
    title: "A lawsuit forced Uber to explain why it deactivates drivers",
    publisher: "Business Insider",
    year: "2016",
    url: "https://www.businessinsider.com/why-uber-deactivates-drivers-2016-7",
  },
  S58: {
    title: "Peeple is the 'Yelp for people' app your mother warned you about",
    publisher: "The Verge",
    year: "2015",
    url: "https://www.theverge.com/2015/10/1/9431055/peeple-yelp-for-people-app",
  },
  S59: {
    title: "China's Communist Party requires millions of people to tune into 'Xi Jinping thought' every day",
    publisher: "ABC News (Australia)",
    year: "2019",
    url: "https://www.abc.net.au/news/2019-02-19/millions-of-chinese-required-to-tune-into-xi-jinping-thought/10821092",
  },
  S60: {
    title: "Credit Reference Center FAQ",
    publisher: "People's Bank of China, Credit Reference Center",
    url: "http://www.pbccrc.org.cn/crc/kffw/201310/9bc082c196ca4308bd5886b9fab5b2e5.shtml",
  },
  S61: {
    title: "Consumer Credit Report",
    year: "2018",
    url: "https://govt.chinadaily.com.cn/s/201812/11/WS5c0f264a498eefb3fe46e91a/consumer-credit-report.html",
  },
  S62: {
    title: "Inquiries on your Credit Report",
    publisher: "ProtectingConsumerRights.com",
    year: "2014",
    url: "http://protectingconsumerrights.com/blog/2014/9/19/inquiries-on-your-credit-report/",
  },
  S63: {
    title: "China to promote random inspections",
    publisher: "State Council (english.gov.cn)",
    year: "2015",
    url: "http://english.www.gov.cn/policies/latest_releases/2015/08/05/content_281475161668652.htm",
  },
  S64: {
    title: "Chinese blacklist an early glimpse of sweeping new social-credit control",
    publisher: "The Globe and Mail (Nathan VanderKlippe)",
    year: "2018",
    url: "https://www.schoolinfosystem.org/2018/01/06/chinese-blacklist-an-early-glimpse-of-sweeping-new-social-credit-control/",
    copy: "repost",
  },
  S65: {
    title: "China doubles reward for consumer fraud whistleblowers to up to $155,000",
    publisher: "Nikkei Asia",
    url: "https://asia.nikkei.com/Business/Consumer/China-doubles-reward-for-consumer-fraud-whistleblowers-to-up-to-155-000",
  },
  S66: {
    url: "https://faniuwenda.com/Paid/News/index/id/148043.html",
  },
  S67: {
    title: "Sina Weibo punishes popular account, hundreds of others for 'harmful information'",
    publisher: "Global Times",
    year: "2018",
    url: "http://www.globaltimes.cn/content/1102371.shtml",
  },
  S68: { title: "Q&A Regarding Individual Credit Report", publisher: "Kaizen CPA", url: "https://kaizencpa.com/Faq/info/id/715.html" },
  S69: {
    title: "China a step closer to rolling out nationwide social credit system",
    publisher: "The Business Times (Singapore)",
    url: "https://www.businesstimes.com.sg/government-economy/china-a-step-closer-to-rolling-out-nationwide-social-credit-system",
  },
  // From GAME.md's research behind the mechanics, not SOURCES.md's list: the ratings preset cites it.
  Salganik2006: {
    title: "Experimental Study of Inequality and Unpredictability in an Artificial Cultural Market",
    publisher: "Science (Salganik, Dodds and Watts)",
    year: "2006",
    url: "https://doi.org/10.1126/science.1121066",
  },
} as const satisfies Record<string, Published>;

export type SourceId = keyof typeof PUBLISHED;

function worded(id: SourceId, field: "title" | "publisher" | "year"): string | undefined {
  const key = `content.source.${id}.${field}`;
  return isMessageKey(key) ? t(key) : undefined;
}

function source(id: SourceId): Source {
  const p: Published = PUBLISHED[id];
  return {
    url: p.url,
    get title() {
      return p.title ?? worded(id, "title") ?? "";
    },
    get publisher() {
      return p.publisher ?? worded(id, "publisher") ?? "";
    },
    get year() {
      return p.year ?? worded(id, "year") ?? t("content.source.no-date");
    },
    get copy() {
      return p.copy && t(`content.source.copy.${p.copy}`);
    },
  };
}

/** Every source by its id, its added words read in the device's language. */
export const SOURCES = Object.fromEntries((Object.keys(PUBLISHED) as SourceId[]).map((id) => [id, source(id)])) as Record<SourceId, Source>;
