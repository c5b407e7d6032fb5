"""Lines that are not the report's text: portal page chrome, Wikisource licence footers and wiki
markup, PDF page furniture; and the marks that show a web copy cut a sentence at a link.

Each pattern names the copies it was learned from: the national reports 1955–2023 copied from
zh.wikisource.org and the provincial reports of 2026 copied from provincial portals
(../shared/realcorpus), and the PDF cases of ../shared/cases. docs/text-repairs.md gives the decisions.
"""

from __future__ import annotations

import re

# --- Wikisource licence footer -------------------------------------------------------------------
# Every national copy ends with the licence template, broken at its links: "本作品是中华人民共和国的"
# / "法律" / "、" / "法规" / "，国家机关的决议…根据《" / "中华人民共和国著作权法" / "》第五条第一项…"
# / "注：中文维基文库社群认为…" / "Public domain" / "false" (1955–2023 national). The footer starts with
# a line opening on "本作品"/"此作品" (or the traditional forms) and runs to the end of the page.
# The PD-PRC-exempt template may open on the law instead ("依据《中华人民共和国著作权法》第五条，本作品不适用于该法。",
# the form of other national years' pages).
# The PD-old template opens on "这部作品在1930年1月1日以前首次出版…".
LICENCE_FOOTER_START = re.compile(
    r"^(本作品|此作品|本著作|这部作品|這部作品|注[：:]\s*中文维基文库|(依据|根据|依據|根據)《(中华人民共和国|中華人民共和國)?著作(权|權)法》)\S*"
)
# A footer is only taken when its lines name the licence, and it is short, with short lines.
LICENCE_MARKER = re.compile(r"公有领域|公有領域|Public domain|著作权法|著作權法|版权|版權|知识共享|知識共享|Creative Commons")
FOOTER_MAX_LINES = 60
# The last lines of the template's data ("Public domain" / "Public domain" / "false" / "false"), removed
# at the end of a copy even when the template's first line is missing.
LICENCE_DATA_LINE = re.compile(r"^(Public domain|false|true)$")
FOOTER_MAX_LINE_CHARS = 120

# --- MediaWiki markup left in a copy -------------------------------------------------------------
# 2007 national: "'" / "——改革开放进一步深化。'" / "粗体文字" — the quote marks of '''bold''' markup and
# the placeholder texts of MediaWiki's edit toolbar.
WIKI_QUOTE_MARKS = re.compile(r"^'{1,5}$")
WIKI_PLACEHOLDER = re.compile(
    r"^(粗体文字|粗體文字|斜体文字|斜體文字|内部链接|內部連結|外部链接|链接标题|标题文本|在此插入非格式文本)$"
)
# Section edit links of MediaWiki pages ("[编辑]", on zh.wikipedia/zh.wikisource pages copied as text).
WIKI_EDIT_LINK = re.compile(r"^\[(编辑|編輯|编辑源代码|編輯原始碼|编辑源码)\]$")
# Quote marks of bold markup at the end or start of a text line: "——改革开放进一步深化。'".
WIKI_QUOTE_EDGE = re.compile(r"(?<=[\u4e00-\u9fff。！？；：”’）】》])'{1,5}(?=\s*$)|(?<=^)'{1,5}(?=[\u4e00-\u9fff“‘（—])")

# --- Wikisource page header and footer ------------------------------------------------------------
# A zh.wikisource page copied whole keeps its header box (Template:Header) above the text: the links
# to the previous and next work ("←" / title / "→", or "← 2022年国务院政府工作报告", "2024年国务院政府工作报告 →"),
# the sister projects ("姊妹计划: 数据项", "姊妹计划：维基百科条目、数据项"), "本作品收录于《…》"; and under the
# text the categories ("分类：政府工作报告"), the page's source link ("来自“https://zh.wikisource.org/…”")
# and its last edit ("本页面最后修订于2023年3月6日 (星期一) 01:14。"). Traditional forms count too.
# Only the arrows pointing left and right: a portal's breadcrumb uses ">" and "»" (and "→" between
# its items, so a lone "→" is navigation only beside a title or a lone "←", see chrome.py).
BACK_ARROWS, NEXT_ARROWS = "←⟵⇐", "→⟶⇒"
ARROW_LINE = re.compile(rf"^[{BACK_ARROWS}{NEXT_ARROWS}\s\u3000]+$")
BACK_ARROW_LINE = re.compile(rf"^[{BACK_ARROWS}\s\u3000]+$")
# A previous / next link: an arrow, then a short title without a sentence mark or comma (or the reverse);
# either arrow on either side ("→ 1983年政府工作报告"), or both links on one line ("← 1981年… → 1983年…").
_LINK_TITLE = rf"[^。！？；，,{BACK_ARROWS}{NEXT_ARROWS}]{{1,40}}"
_ARROW = rf"[{BACK_ARROWS}{NEXT_ARROWS}]"
ARROW_LINK = re.compile(rf"^({_ARROW}\s*{_LINK_TITLE}\s*|{_LINK_TITLE}\s*{_ARROW}\s*){{1,2}}$")
# The header box spans a few lines: a title beside a lone arrow is the previous or next work's when
# the page's own title stands within this many lines on its other side.
HEADER_BOX_LINES = 3
SISTER_PROJECTS = re.compile(r"^(姊妹计划|姊妹計劃|姐妹计划|姐妹計劃|姊妹项目|姊妹項目)\s*[:：]?\s*[^。！？；]{0,40}$")
# The sister projects' names, one a line under "姊妹计划:".
SISTER_PROJECT_NAME = re.compile(
    r"^((维基|維基)?\s*(百科|百科\s*条目|百科\s*條目|数据\s*项|數據\s*項|数据|數據|共享资源|共享資源|语录|語錄|新闻|新聞|词典|詞典"
    r"|教科书|教科書)|Wikidata( item)?|Wikipedia( article)?|Commons)[、，,\s]*$"
)
COLLECTED_IN = re.compile(r"^(本作品|本文|本篇)?(收录于|收錄於|收录在|收錄在)[：:]?\s*[《「].{1,40}[》」]$")
CATEGORY_LINE = re.compile(r"^(分类|分類|页面分类|頁面分類|隐藏分类|隱藏分類|Categories|Category)\s*[:：][^。！？]{0,200}$")
SOURCE_LINK_LINE = re.compile(r"^(来自|來自|取自|检索自|檢索自)\s*[“\"「]?\s*https?://\S+\s*[”\"」]?$")
LAST_EDIT_LINE = re.compile(r"^(本页面|此页面|本頁面|此頁面|本页|此页)(最后|最後)(修订|修訂|编辑|編輯|更改)(于|於).{0,60}$")
# A link back to the work's index ("返回中华人民共和国国务院政府工作报告", "返回目录"): short, no sentence.
BACK_LINK = re.compile(rf"^[{BACK_ARROWS}]?\s*返回[^。！？；，,]{{1,30}}$")
# A table of contents over the text: MediaWiki's box ("目录" with its "[隐藏]" link, entries "1 一、…",
# "2.1 （一）…") or a copy's contents page ("一、2025年工作回顾……3"). Its entries repeat later lines.
CONTENTS_HEADING = re.compile(r"^(目录|目錄|目\s+录|Contents|本页目录)\s*(\[(隐藏|隱藏|显示|顯示|收起|展开)\])?$")
CONTENTS_ENTRY_EDGES = re.compile(r"^\d{1,2}(\.\d{1,2})*(\s+|$)|\s*[.．…·]{2,}\s*\d{0,4}$|\s+\d{1,4}$")
# The site's own lines above a copied page: its tagline and MediaWiki's skip links.
WIKISOURCE_SITE_LINE = re.compile(
    r"^((出自)?(维基文库|維基文庫)([，,]\s*(自由的图书馆|自由的圖書館))?|(跳转到|跳轉到|跳到)(导航|導航|搜索|搜尋))$"
    # The skip links on one line ("跳转至：导航、搜索"), the browser's window title ("… - 维基文库，自由的图书馆"),
    # the site's licence line at the foot of the page ("文本使用知识共享署名-相同方式共享许可协议；…").
    r"|^(跳转至|跳轉至|跳转到|跳轉到)[：:]?\s*(导航|導航)[、，,\s]*(搜索|搜尋)$"
    r"|^[^。！？；]{1,60}\s[-–—|]\s(维基文库|維基文庫)([，,]\s*(自由的图书馆|自由的圖書館))?$"
    r"|^(文本|文字)(使用|可用|可以在|在)[^。]{0,6}(知识共享|知識共享|创作共用|創作共用|CC BY)[^。]{0,60}。?([^。]{0,30}。)?$"
)

# A wiki page's notes at the end of the text: a heading ("注释", "参考文献", "脚注", with its [编辑] link)
# over the reference list, each item opening on MediaWiki's back-link arrow ("↑ 指…", "1. ↑ 《…》",
# "^ …"). A report's own notes ("注释：" / "[1] …", PDF copies) carry no arrow and stay text.
NOTES_HEADING = re.compile(
    r"^(注释|註釋|注解|註解|脚注|腳註|参考文献|參考文獻|参考资料|參考資料|注|註)\s*(\[(编辑|編輯)\])?\s*[：:]?$"
)
NOTE_ITEM = re.compile(r"^(\d{1,3}\s*[.．、]\s*)?[↑^]")
# The markers the notes leave in the text ("…第五条[1]，", "[注 2]"): cut only when the page has such notes.
NOTE_MARKER = re.compile(r"\[(注|註)?\s*(?P<n>\d{1,3})\]")

# --- Portal page chrome ---------------------------------------------------------------------------
# Toolbar words, one a line or several on one line (2026 provincial copies: "下载" / "打印" / "全屏" /
# "收藏" / "【字号：" / "加大" / "还原" / "减小" / "】"; a provincial portal: "分享:", "首页"; its last line
# "扫一扫在手机打开当前页"; "相关报道：" closes 19 of the 21 provincial copies).
TOOLBAR_WORDS = frozenset({
    "下载", "打印", "全屏", "收藏", "加大", "还原", "减小", "放大", "缩小", "默认", "字号", "字体", "分享", "分享到",
    "打印本页", "打印此页", "关闭", "关闭窗口", "关闭本页", "收藏本页", "返回顶部", "返回首页", "首页", "纠错",
    "我要纠错", "扫一扫", "扫一扫在手机打开当前页", "手机扫一扫", "相关报道", "相关链接", "相关阅读", "相关新闻",
    "相关文章", "微信", "微博", "QQ空间", "朋友圈", "更多", "保存", "复制链接", "视力保护色", "无障碍", "适老化",
    "推荐阅读", "网站地图", "联系我们", "使用帮助", "网站声明", "关于我们", "隐私政策", "上一页", "下一页", "尾页", "末页",
    # Other portals' buttons and switches (forms of government and news portals beyond realcorpus):
    "打印文章", "打印正文", "打印全文", "关闭页面", "回到顶部", "返回列表", "返回上一页", "设为首页", "加入收藏", "收藏本站",
    "English", "繁體", "繁体", "简体", "繁體版", "简体版", "无障碍浏览", "长者模式", "关怀版", "登录", "注册", "搜索",
    "站内搜索", "手机版", "手机看", "视频", "音频", "阅读全文", "展开全文", "点赞", "评论", "转发", "听新闻",
    "图片", "图集", "组图", "大图", "查看大图", "点击查看大图", "点击图片查看大图", "滑动查看更多", "左右滑动查看更多",
    "关注我们", "微信公众号", "官方微信", "官方微博", "抖音", "视频号", "网站首页", "上一篇", "下一篇", "请输入关键字",
    "请输入关键词", "点击播放", "播放视频", "点击播放视频",
    # A MediaWiki page's own interface, when a whole Wikisource page is copied (its tabs, tools and
    # script variants):
    "页面", "讨论", "阅读", "编辑", "编辑源代码", "查看历史", "工具", "下载为PDF", "可打印版", "链入页面", "相关更改",
    "固定链接", "页面信息", "引用此页", "获取短链接", "下载二维码", "大陆简体", "香港繁体", "台湾正体", "不转换",
    "主菜单", "隐藏", "移至侧栏", "添加话题", "外观", "个人工具", "创建账号", "关于维基文库", "關於維基文庫", "免责声明",
    "免責聲明", "手机版视图", "手機版檢視", "开发者", "開發者", "Cookie声明", "Cookie聲明",
})
# The heading of a box of related links (相关报道：, last line of 19 provincial copies); the lines after
# it to the end of the file are the titles of other articles when all are short and unfinished.
RELATED_LINKS_HEADING = re.compile(
    r"^(相关报道|相关链接|相关阅读|相关新闻|相关文章|相关文件|相关稿件|相关专题|相关解读|政策解读|推荐阅读|延伸阅读|热点推荐|猜你喜欢"
    r"|附件下载|相关附件|下载附件|热门推荐|热门文章|热门新闻|相关推荐|精彩推荐|更多阅读)[：:]?$"
)
RELATED_LINK_MAX_CHARS = 60
# Font-size letters of a toolbar ("字号：大 中 小"): chrome only beside other toolbar lines or words.
TOOLBAR_SIZE_LETTERS = frozenset({"大", "中", "小", "超大", "特大", "A", "A+", "A-", "T", "T+", "T-"})
# What separates toolbar words on one line: spaces, brackets, bars, colons, slashes.
TOOLBAR_SEPARATORS = re.compile(r"[\s\u3000【】\[\]「」|｜/／:：·•]+")

# Breadcrumb trail of a portal page (a provincial portal: "首页" / ">" / "政府信息公开" / ">" / "政府工作报告"
# / ">" / "省政府工作报告"), one item a line or all on one line ("首页 > 政务公开 > 政府工作报告").
BREADCRUMB_SEPARATOR = re.compile(r"^[>＞›»〉→]$")
# The trail's label varies by portal (当前位置, 您现在的位置, 您所在的位置, 位置…); on one line the items may
# also be set apart by ">>", " - " or " / " ("位置：首页>>政务公开>>规划计划", "您当前的位置：首页 - 要闻 - 正文"),
# as long as the trail opens on 首页.
BREADCRUMB_LINE = re.compile(
    r"^((您|你)?(当前|现在|目前)?(所在)?的?位置)?\s*[：:>＞›»]?\s*首页\s*([>＞›»〉→/／\-—]+\s*[^>＞›»〉→/／\-—。，]{1,24}\s*)+$"
    # A trail that opens on a site's or channel's name instead ("人民网 >> 时政", "政务公开 > 规划计划 > 政府工作报告"):
    # only with ">"-shaped separators, which no report sentence sets between short unpunctuated words.
    r"|^[^\s>＞›»。，！？；：:、]{1,12}(\s*(>>|>|＞|›|»)\s*[^>＞›»。，！？；：:、]{1,24}){1,6}$"
)
BREADCRUMB_ITEM_MAX_CHARS = 24

# "分享:" before the title line ("分享:陕西省2026年政府工作报告"): the prefix is the share button.
SHARE_PREFIX = re.compile(r"^\s*分享(到)?\s*[:：]\s*(?=\S)")
# A news agency's dateline, alone or before the first words ("新华社北京3月5日电", wire copies of the
# national reports).
# A newspaper's or app's own lead ("湖南日报·新湖南客户端1月27日讯") is a dateline too.
DATELINE = (r"((新华社|中新社|新华网|人民网)[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电"
            r"|[\u4e00-\u9fff·]{2,20}\d{1,2}月\d{1,2}日讯)")
# Alone it may carry the reporters' names ("新华社北京1月27日电（记者 张三 李四）").
DATELINE_LINE = re.compile(rf"^[（(]?{DATELINE}[）)]?([（(]记者[：:]?\s*[\u4e00-\u9fff·\s、]{{2,30}}[）)])?$")
DATELINE_PREFIX = re.compile(rf"^\s*[（(]?{DATELINE}[）)]?\s+(?=\S)")
# List bullets before a portal's labels ("• 索引号:", the 政府信息公开 table of government portals).
LIST_BULLET = re.compile(r"^[•●▪◦·]\s*")

# Article labels of portal pages: "来源：安徽日报", "时间：2026-02-11" (2026 provincial copies),
# "时间：" and "来源：" with their value on the next line, "（来源：…日报）" and "编辑：…" (provincial
# portal copies). Several labels may share a line ("发布时间：… 来源：… 字号：大 中 小").
# The 政府信息公开 table of government portals adds 索引号, 主题分类, 发文机构, 发文字号, 发文日期, 有效性
# (a provincial report's page under 首页 > 政府信息公开; the same table on county portals).
META_LABELS = (r"来源|信息来源|文章来源|本文来源|稿件来源|稿源|时间|发布时间|发布日期|发表时间|更新时间|日期|作者|"
               r"编辑|责任编辑|责编|编审|审核|初审|复审|终审|校对|监制|浏览次数|阅读次数|浏览量|点击数|访问量|字号|字体|"
               r"文字|文|图|文/图|图文|制图|设计|统筹|策划|出品|"
               r"阅读量|阅读数|点击量|访问次数|评论数|索引号|主题分类|发文机关|发文机构|发布机构|发文字号|文号|发文日期|成文日期|有效性|主题词|原标题|"
               r"來源|時間|發布時間|發布日期|編輯|責任編輯")
META_LINE = re.compile(rf"^[（(【\[]?\s*(?:(?:{META_LABELS})\s*[：:]\s*[^。！？；]{{0,30}}?\s*)+[）)】\]]?$")
META_LABEL_ALONE = re.compile(rf"^[（(【\[]?\s*(?:{META_LABELS})\s*[：:]\s*[）)】\]]?$")
# The value of a label whose value stands on the next line: a name or a date, no sentence.
META_VALUE = re.compile(r"^[\u4e00-\u9fff·A-Za-z0-9０-９ \u3000\-/:：.年月日〔〕\[\]（）()]{1,30}$")
# Links to the neighbouring articles and the portal's own footer lines.
NAVIGATION_LINE = re.compile(r"^(上一篇|下一篇|上一条|下一条)[：:].{0,80}$")
SITE_FOOTER_LINE = re.compile(
    r"^(版权所有|主办单位|主办|承办单位|承办|技术支持|(政府)?网站标识码)[：:].{0,60}$|(ICP备|公网安备)\s*[\w\-]{0,24}号"
)
# A news copy's end mark under its last paragraph ("（完）", "【完】").
END_MARK_LINE = re.compile(r"^[（(【\[]\s*完\s*[）)】\]]$")
# The site's contact lines and visitor counter ("地址：长沙市…　邮编：410011", "联系电话：…  传真：…",
# "电子邮箱：webmaster@…", "您是第123456位访客"), and a link prompt ("点击查看：图解…").
SITE_CONTACT_LINE = re.compile(
    r"^((地址|邮编|邮政编码|联系电话|电话|传真|电子邮箱|邮箱|E-?mail|联系方式|新闻热线|服务热线|热线|投稿邮箱)\s*[：:]\s*[^。！？；，]{1,40}?\s*)+$"
    r"|^您是(本站)?第\s*\d+\s*位(访客|访问者)$"
    r"|^(点击|点此|点这里)(查看|阅读|进入|下载|播放|收听)[：:]?[^。！？；]{0,40}$"
)
# Other lines of a site's footer (forms of government and newspaper portals): the copyright in any
# wording ("Copyright © 2026 …", "…版权所有，未经书面授权禁止使用"), the reporting hotline
# ("违法和不良信息举报电话：12377"), the browser advice ("建议使用1920×1080分辨率浏览本网站"). Short, no full stop.
SITE_NOTICE_LINE = re.compile(
    r"^(?!.*[。！？；]).{0,60}(Copyright|©|All Rights Reserved|版权所有|版權所有|未经.{0,6}授权.{0,10}(禁止|不得)"
    r"|举报电话|舉報電話|举报邮箱|建议使用.{0,30}(分辨率|浏览器)|IPv6).{0,60}$"
)
# A site's navigation bar on one line: at least three short items between bars ("首页 | 要闻动态 | 政务公开",
# "网站地图 | 联系我们 | 使用帮助", "无障碍浏览 | 长者模式 | 繁體版 | 登录"). No report line is set so.
NAV_BAR_SEPARATOR = re.compile(r"\s*[|｜]\s*")
NAV_BAR_ITEM_MAX_CHARS = 10
# Media players' labels on an article page: "视频：…" / "音频：听报告" (a short label line), the time
# display ("00:00 / 03:25"), "视频加载中，请稍候..."; and a news app's prompt ("打开人民日报客户端，阅读体验更佳",
# "下载…APP，看更多精彩内容"). Short, without a sentence mark.
MEDIA_LINE = re.compile(
    r"^((视频|音频|視頻|音頻|直播)\s*[：:][^。！？；，,]{0,24}|播放|暂停|重播|全屏播放"
    r"|\d{1,2}:\d{2}(:\d{2})?\s*[/／]\s*\d{1,2}:\d{2}(:\d{2})?"
    r"|[^。！？；]{0,6}(加载中|加載中)[^。！？；]{0,16})$"
)
NOTICE_MAX_CHARS = 60
APP_PROMPT_LINE = re.compile(r"^(打开|下载|安装|前往|打開|下載)[^。！？；]{0,20}(客户端|APP|App|app)[^。！？；]{0,20}$")
# Wikisource's notices over a page proposed for deletion ("此文档已经被提议删除。", "本页面已被提请快速删除。")
# and the reason under it ("删除理由：…"), and its maintenance notices ("此页面需要校对。", "本作品的文本尚不完整。"),
# each at most NOTICE_MAX_CHARS long.
DELETION_NOTICE = re.compile(
    r"^(此|本|这个|這個)(文档|文檔|页面|頁面|作品|条目|條目|文件)[^。！？]{0,12}(删除|刪除)[^。！？]{0,20}[。！]?$"
    r"|^(此|本)(文档|页面|作品|条目|文件)(的|中的)?(文本|内容|章节)?[^。！？]{0,8}(需要|尚需|有待|尚未|尚不)"
    r"(校对|校對|校勘|完整|清理|维基化|分类)[^。！？]{0,20}[。！]?$"
    r"|^(删除|刪除|提删|提刪)(理由|原因)\s*[：:][^。！？]{0,60}[。]?$"
)
# A portal's pager between the pages of a long article ("上一页 1 2 3 下一页", "共3页: 首页 上一页 1 2 3 下一页 尾页").
PAGER_LINE = re.compile(
    r"^(共\s*\d{1,3}\s*页\s*[:：]?\s*)?((首页|上一页|下一页|尾页|末页|\d{1,3})\s*)*(上一页|下一页)"
    r"(\s*(下一页|尾页|末页|\d{1,3}))*$"
)
# A share button with its target ("分享到微信朋友圈", "分享至微博").
SHARE_TARGET_LINE = re.compile(r"^(分享到|分享至)[^。！？；，,]{1,10}$")
# A credit in brackets without a colon ("（编辑 张三）", "【责任编辑 李四】") and a reporter's byline
# ("记者 张三 李四", "本报记者：张三", "新华社记者 王五").
CREDIT_LINE = re.compile(
    r"^[（(【\[]\s*(编辑|责任编辑|责编|作者|记者|来源|校对|审核)\s+[\u4e00-\u9fff·]{2,8}\s*[）)】\]]$"
    r"|^([\u4e00-\u9fff·]{0,16}?\s*)?(记者|特约记者|通讯员|实习生|实习记者)\s*[：:\s]\s*"
    r"[\u4e00-\u9fff·]{2,8}([\s、，,]+[\u4e00-\u9fff·]{2,8}){0,4}$"
)
# The label of a portal's 政府信息公开 table before the title ("标 题：2026年北京市政府工作报告"): only the label is cut,
# and only before a title (chrome.remove_portal_chrome).
TITLE_LABEL_PREFIX = re.compile(r"^\s*(标\s*题|名\s*称|题\s*目|文件名称)\s*[:：]\s*(?=\S)")
# A tag before the title of a news page ("【全文】2026年湖南省政府工作报告", "权威发布｜2026年…"): at most 8
# characters in 【】 or before a bar; only the tag is cut, and only before a title (chrome.remove_portal_chrome).
TITLE_TAG_PREFIX = re.compile(r"^\s*(【[^】]{1,8}】|[^｜|：:\s]{1,8}\s*[｜|])\s*(?=\S)")
# A link to a file of the page ("附件：2026年北京市政府工作报告.pdf", "2026年北京市政府工作报告.docx").
ATTACHMENT_FILE_LINE = re.compile(
    r"^(附件(下载)?\s*\d{0,2}\s*[：:]?\s*)?[^。！？；，,]{1,60}\.(pdf|PDF|docx?|DOCX?|xlsx?|XLSX?|wps|ofd|zip|rar)$"
)
# A value that is the report's own date line is never a label's value ("在…会议上").
REPORT_DATE_WORDS = re.compile(r"会议|會議|大会|大會")

# A counter of the page's readers without a label's colon form: "浏览：1024", "点击：356次", "阅读 10万+".
COUNTER_LINE = re.compile(r"^(浏览|阅读|点击|访问)(次数|量|数)?\s*[：:\s]\s*[0-9,，.万+]+\s*(次|人次)?$")
# A topic tag of a news page on its own line ("#2026湖南两会#").
HASHTAG_LINE = re.compile(r"^#[^#\s]{1,24}#$")
# The site's name or logo text above the article (before the body only: chrome.body_start):
# "湖南省人民政府门户网站", "中国·湖南", "湖南省人民政府"; the organiser under it ("湖南省人民政府办公厅 主办").
SITE_NAME_LINE = re.compile(
    r"^([\u4e00-\u9fff·]{2,16}(门户网站|政府网站|政府网|官方网站|官网)|中国[·・][\u4e00-\u9fff]{2,4}"
    r"|[\u4e00-\u9fff]{2,12}(人民政府|人民政府办公厅))$"
)
SITE_OWNER_LINE = re.compile(r"^[\u4e00-\u9fff]{2,24}(人民政府|办公厅|日报社|报社|中心|委员会)\s*(主办|承办|主管)$")
# A news page's words before the report (only before its body: chrome.body_start): the editor's note
# ("编者按：…", "【编者按】…") and the lead that hands over to the full text ("…省长毛伟明作政府工作报告。
# 以下为报告全文：", "…现将全文刊发如下。"). The report never says of itself that its full text follows.
EDITOR_NOTE_LINE = re.compile(r"^[【\[]?(编者按|编者的话|编前|编辑导读|导读)[】\]]?\s*[：:]?")
LEAD_LINE = re.compile(
    r"(全文如下|以下为[^。！？]{0,12}全文|以下是[^。！？]{0,12}全文|现将全文[^。！？]{0,10}如下|全文刊发如下)[：:。]?$"
)
# The serial number under a congress's document mark on a PDF's cover ("…会议文件" / "（1）").
COVER_SERIAL = re.compile(r"^[（(]\s*[0-9０-９]{1,3}\s*[）)]$")
# A publication timestamp alone on its line (a 2026 provincial copy: "2026-01-31 07:00:44"). A date in
# Chinese without a clock time may be the report's own date line and is not chrome.
TIMESTAMP = (
    r"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)"
)
TIMESTAMP_LINE = re.compile(rf"^{TIMESTAMP}$")
# A timestamp, or a newspaper's name, before the labels on one line ("2026-01-28 09:30 来源：北京日报").
LABELS_PREFIX = re.compile(rf"^({TIMESTAMP}|[\u4e00-\u9fff]{{1,10}}(日报|日報|晚报|晚報)(客户端)?)\s+(?=\S)")
# The QR code's caption of a portal page ("扫一扫在手机打开当前页", "用微信扫描二维码", "扫码阅读"): short, no sentence.
QR_CODE_LINE = re.compile(r"^(请)?(用)?(手机|微信)?(扫一扫|扫描二维码|扫描|扫码|扫一下)[^。！？；，,]{0,16}$")

# A newspaper's or news app's name alone on its line (issue 14: "…日报", "…日报客户端").
NEWSPAPER_LINE = re.compile(
    r"^[（(【\[]?([\u4e00-\u9fff]{1,10}(日报|日報|晚报|晚報|早报|商报|时报|都市报)(客户端|APP|App|app|网|新媒体)?"
    r"|[\u4e00-\u9fff]{2,10}(客户端|新闻网|融媒体中心|融媒)"
    r"|新华社|新华网|人民网|央视网|央视新闻|中国政府网|中新网|澎湃新闻|学习强国|(新华社|中新社)发)[）)】\]]?$"
)  # in brackets too ("（新华社）"); "新华社发" credits a photo
# The issue of a newspaper that printed the report, alone on its line: "北京日报 2026年02月02日 第01版",
# "《北京日报》（2026年02月02日 01版）", "2026年02月02日 第01版：要闻". The page ("版") or the paper's name must be there.
_PAPER = r"《?[\u4e00-\u9fff]{1,10}(日报|日報|晚报|晚報|早报|商报|时报|都市报)》?"
_ISSUE_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_EDITION = r"第?\s*[0-9０-９]{1,3}\s*版(\s*[：:]\s*[\u4e00-\u9fff]{1,8})?"
NEWSPAPER_ISSUE_LINE = re.compile(
    rf"^({_PAPER}\s*[（(]?\s*({_ISSUE_DATE})\s*[，,]?\s*({_EDITION})?\s*[）)]?"
    rf"|({_PAPER}\s*)?[（(]?\s*({_ISSUE_DATE})?\s*[，,]?\s*{_EDITION}\s*[）)]?)$"
)

# Photo captions (2026 provincial copies): the credit at the end ("殷勇同志作政府工作报告。本报记者 戴冰摄",
# "政府工作报告。 贵州日报天眼新闻记者 李森 摄", "…向大会作政府工作报告。石榴云/新疆日报记者谢龙摄"; syndicated
# copies write 采访人员 for 记者: "中新社采访人员 杨艳敏 摄"), a credit label ("摄影：…", "图片来源：…"), "图为…".
PHOTO_CREDITOR = r"(记者|記者|采访人员|採訪人員|通讯员|通訊員|摄影|攝影)"
PHOTO_CREDIT = re.compile(
    rf"{PHOTO_CREDITOR}\s*[\u4e00-\u9fff·]{{1,8}}([、，和 ]+[\u4e00-\u9fff·]{{2,8}})*\s*[/／]?\s*(摄|攝)[）)]?$"
)
PHOTO_LABEL = re.compile(r"^[（(]?\s*(摄影|攝影|图片来源|圖片來源|图片|圖片|图|圖)\s*[：:/／]|^图为|^圖為")
CAPTION_MAX_CHARS = 160
# The caption of the speaker's photo without a credit, before the salutation: "张工作政府工作报告。"
# (a 2026 provincial copy), "省长赵刚作政府工作报告" (a 2026 provincial copy). Never the report's own "我代表…" sentence.
SPEECH_CAPTION = re.compile(r"^[^，,。]{0,40}?(作|作了)政府工作报告[。.]?$")
SPEECH_CAPTION_NOT = re.compile(r"我代表|我们|各位代表")

# --- PDF page furniture (case 01) ------------------------------------------------------------------
# Page numbers between two halves of a paragraph: "— 3 —", "-3-", "- 3 -", "·3·", "第3页",
# "第 3 页 共 20 页", "3/20", "Page 3". Full-width digits count (Python's \d).
PAGE_NUMBER = (
    r"([—–\-－―~～]{1,2}\s*\d{1,4}\s*[—–\-－―~～]{1,2}"
    r"|[·•・]\s*\d{1,4}\s*[·•・]"
    r"|第\s*\d{1,4}\s*[页頁](\s*[,，/／]?\s*共\s*\d{1,4}\s*[页頁])?"
    r"|共\s*\d{1,4}\s*[页頁]\s*[,，/／]?\s*第\s*\d{1,4}\s*[页頁]"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(\s*of\s*\d{1,4})?)"
)
PAGE_NUMBER_LINE = re.compile(rf"^{PAGE_NUMBER}$")
# A running header and its page number on one line ("2026年北京市政府工作报告 — 3 —", "— 3 — 示例市政府工作报告"):
# what is left without the number must be a running header (pdf_breaks).
PAGE_NUMBER_AT_EDGE = re.compile(rf"^{PAGE_NUMBER}\s*|\s*{PAGE_NUMBER}$")
# A bare number alone ("3"): a page number only beside other page furniture or in a rising run of
# such lines; never after a Latin letter, where it is a subscript of the sentence (2015/2019
# national: "广义货币M" / "2" / "预期增长…", "细颗粒物（PM" / "2.5" / "）浓度…").
BARE_NUMBER_LINE = re.compile(r"^\d{1,4}$")
SUBSCRIPT_BASE = re.compile(r"[A-Za-z]$")
# A bare number alone between an unfinished sentence and its continuation is a page number (a PDF
# line is never that short inside a paragraph), unless the next line reads on from the number:
# a measure word, a unit, a decimal or a mark ("33" / "万人", "2.5" / "）浓度").
READS_ON_FROM_NUMBER = re.compile(
    r"^[0-9０-９.．%％‰、，,）)）~～\-—个家项万亿元户人所座条件台次年月日名位倍米吨千百多余"
    r"处场批支种类栋间张辆艘架套只头亩公斤克升度岁期届轮周天时分秒例宗笔份部本首篇株棵匹]"
)
# …but a word that opens on a unit's character is no count ("在市" / "3" / "人大及其常委会…": 人大, not 3人;
# variants/pdf-bare-page-number): the number before it is a page number.
NOT_A_COUNT = re.compile(
    r"^(人大|人民|人才|人口|人工|人居|人文|人类|人社|人力|人身|人心|人与|年轻|个别|个体|个性|家庭|家政|家居|家电|家风|家园|"
    r"项目|元素|户籍|所有|所以|所在|座谈|条件|条例|件事|次要|日常|日益|日趋|名称|名牌|名录|名义|位置|倍增|千方百计|千家万户|"
    r"百姓|多元|多样|多措|多层次|多渠道|余额|万物|亿万|处理|处置|场景|种植|类似|支持|支撑|期间|期待|届时|周边|天然|"
    r"部门|部署|部分|本地|本级|首先|首都|首次|首届|批准|批复|头部|间接|只有|只要|宗旨|份额|例如|时代|时期|分类|分析)"
)
# A line opening on an enumerator inside a paragraph (一是 / 二要 / 三来, as patterns.numbering.LONE_ENUMERATOR
# writes them alone) is never a heading: short and without a mark at its end, it is a paragraph cut
# by a PDF line ("一是首都功能" / "持续优化提升。…", variants/enumerator-paragraph-broken-short).
ENUMERATOR_OPENING = re.compile(r"^[一二三四五六七八九十]{1,3}[是要来](?!\s*$)")
# A line opening on at most this many characters and a full stop ("破。", "现新突破。") after a heading line
# cut at its end (at least numbering.HEADING_CUT_MIN_CHARS long) ends that heading: no sentence is that short.
WORD_END_MAX_CHARS = 6
# A running header repeats the title: a title-shaped line (patterns.front_matter.TITLE_LINE) in the
# body, at most this long ("示例市政府工作报告", case 01).
RUNNING_HEADER_MAX_CHARS = 30
# Other running headers of report PDFs: the meeting's document mark ("北京市第十六届人民代表大会第四次会议文件"),
# the document number ("京政发〔2026〕1号"); a title set letter-spaced ("政 府 工 作 报 告") is read without its spaces.
RUNNING_HEADER_LINE = re.compile(
    r"^[\u4e00-\u9fff]{2,30}(会议文件|會議文件|会议材料|會議材料|会议参阅文件|大会文件|大會文件)(之[一二三四五六七八九十]{1,3})?$"
    r"|^[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号$"
)

# --- Web copies cut at links (hyperlink breaks) --------------------------------------------------
# The marks that show where a sentence is open or goes on, one home for the clean stage (link and
# PDF breaks) and the parse stage (patterns.numbering: what an unnumbered heading never is).
OPENING_MARKS = "《“‘（(〈「『"
CLOSING_MARKS = "》”’）)〉」』"
SENTENCE_MARKS = "。！？；!?;"
COMMA_MARKS = "，,、"
COLON_MARKS = "：:"
# A line never ends on an opening bracket or quote: the link text follows on the next line
# (1979 national: "…全会通过的《" / "中共中央关于加快农业发展若干问题的决定（草案）" / "》和《" / …).
OPENING_AT_END = re.compile(rf"[{OPENING_MARKS}]$")
# A line never starts with a closing bracket or a mark inside a sentence: it continues the line
# before ("》下达到全国农村以后…", 1984 national "、缅甸共同倡议…", the licence footer's lone "、").
CLOSING_AT_START = re.compile(rf"^[{CLOSING_MARKS}{COMMA_MARKS}{SENTENCE_MARKS}{COLON_MARKS}]")
# A name on its own line inside a sentence (1984 national: "今年是我国与" / "印度" / "、缅甸…";
# 1979 national: "…宣布早已名存实亡的" / "中苏友好同盟互助条约" / "期满后不延长的同时，…"): short,
# without a sentence end.
LINK_TEXT_MAX_CHARS = 24
# A line cut inside a sentence ends on a comma or enumeration comma, or holds a finished sentence
# before its last words, or is longer than any heading of the reports.
MID_SENTENCE_END = re.compile(rf"[{COMMA_MARKS}]$")
SENTENCE_INSIDE = re.compile(rf"[{SENTENCE_MARKS}]")
# A link's text holds no comma ("建立起好的领导班子，" is a clause, not a name).
COMMA_INSIDE = re.compile(rf"[{COMMA_MARKS}]")
HEADING_MAX_CHARS = 30
