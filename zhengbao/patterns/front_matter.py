"""Front matter: the title, date, speaker and salutation lines before a report's body.

The forms come from the seeds (Guangzhou 2017–2024, the Yuexiu district report), the national
reports as copied from zh.wikisource.org (1954–2023) and the provincial reports of 2026 copied
from provincial portals (../shared/realcorpus); docs/text-front-matter.md gives the decisions.
Everything here looks at one line; front.py reads the lines together.
"""

from __future__ import annotations

import re

HAN = "\u4e00-\u9fff"
_SPACE = r"[ \u3000]"

# --- Title -----------------------------------------------------------------------------------------
# "2017年广州市政府工作报告", "政府工作报告", "陕西省2026年政府工作报告", the 1950s–70s national titles
# "关于发展国民经济的第一个五年计划的报告" / "关于一九五八年度国民经济计划草案的报告", a summary's
# "政府工作报告（摘要）". Traditional forms (報告) of the 1950s copies count too.
# The mark may also be the year in brackets, as a copy titles its page ("政府工作报告（2017年）").
_TITLE_MARK = r"[（(](摘要|草案|节选|節選|全文|(\d{4}|[〇○零一二三四五六七八九]{4})年?)[）)]"
# A news portal may write 全文 without brackets ("2026年湖南省政府工作报告全文") and set the title in
# book-title marks ("《2026年湖南省政府工作报告》"); the marks are not shown in the page title (front.parse_front).
_TITLE_SUFFIX = rf"({_TITLE_MARK}|全文)?"
TITLE_LINE = re.compile(
    rf"^《?(.{{0,30}}(政府工作报告|政府工作報告|工作报告|工作報告)|.{{0,12}}(关于|關於).{{2,60}}的(报告|報告))》?{_TITLE_SUFFIX}$"
)
TITLE_BOOK_MARKS = re.compile(r"^《(?P<title>[^《》]+)》(?P<suffix>.*)$")

# The mark of a summary or draft on its own line under the title ("政府工作报告" + "（摘要）").
TITLE_SUFFIX_LINE = re.compile(rf"^{_TITLE_MARK}$")
# A title that names no report in particular (national reports 1954–2023, the district seed, many
# portal copies), only its year ("2026年政府工作报告"), or only its place ("湖南省政府工作报告",
# "国务院政府工作报告", as a portal titles the page): the page title is then made from the entry
# (link.settle_metadata), which gives both. A title naming its session stays the text's
# ("中华人民共和国第一届全国人民代表大会第一次会议政府工作报告").
_PLACE = (rf"([{HAN}]{{1,12}}?(省|市|自治区|自治區|特别行政区|區|区|县|縣|州|旗|盟)"
          r"|(中华人民共和国|中華人民共和國)?(国务院|國務院))")
_YEAR_ONLY = r"((\d{4}|[〇○零一二三四五六七八九]{4})年)?(政府)?"
GENERIC_TITLE = re.compile(rf"^({_YEAR_ONLY}|{_PLACE}(人民)?政府)工作(报告|報告){_TITLE_SUFFIX}$")
# A title line is never longer than this; a longer line is a sentence of the body.
TITLE_MAX_CHARS = 80
# The first half of a title cut in two, when the second half is a title by itself ("2026年湖南省" +
# "政府工作报告"), names the year or the place… Otherwise the halves are joined only when the
# second is no title alone ("政府工作报" + "告", "关于发展国民经济的" + "第一个五年计划的报告").
TITLE_HEAD = re.compile(r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年|[省市区县州旗盟區縣]$|国务院|國務院|人民政府$")
# …or is at least this long ("中华人民共和国第一届全国" + "人民代表大会第一次会议政府工作报告", 1954).
TITLE_HEAD_MIN_CHARS = 6
# A part of a cut title holds words only: Han characters, digits, brackets and quotes, never the
# bars, arrows or colons of page chrome ("无障碍浏览|长者模式|登录" or "您现在的位置：首页>要闻>正文" above
# a title line is chrome, not the title's first half).
TITLE_PART = re.compile(rf"^(?=.*[{HAN}])[{HAN}0-9０-９〇○（）()《》“”·]+$")
# The mark of a congress's documents on a PDF's cover ("湖南省第十四届人民代表大会第四次会议文件", cut or
# whole, "…会议文件之一"): never the first half of the title under it.
MEETING_DOCUMENT = re.compile(
    r"(会议文件|會議文件|会议材料|會議材料|会议参阅文件|大会文件|大會文件)(之[一二三四五六七八九十]{1,3})?$"
)
# A second part that names year and place by itself ("2026年湖南省政府工作报告") is a whole title: the
# line above it is never its first half.
_YEAR_WORD = r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年"
WHOLE_TITLE = re.compile(rf"{_YEAR_WORD}.*{_PLACE}|{_PLACE}.*{_YEAR_WORD}")

# --- Date line -------------------------------------------------------------------------------------
# "——2023年3月5日在第十四届全国人民代表大会第一次会议上" (Wikisource 2022–2023, the portals),
# "――2017年1月5日在…" (U+2015), "2026年1月14日在浙江省…会议上" (no dash, a 2026 provincial copy),
# "（2026年1月27日在贵州省…会议上）" (a 2026 provincial copy), "(一九五四年五月二十三日在中华人民共和国" +
# "第一届全国人民代表大会第一次会议上的报告)" (1950s copies: Chinese numerals, after the speaker,
# cut in two), "（二〇二三年三月五日）". Digits may be full-width (１９５６年).
_YEAR = r"(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})"
_MONTH = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<d>\d{1,2}|[一二]?十[一二三四五六七八九]?|三十[一]?|[一二三四五六七八九])"
DATE = re.compile(rf"{_YEAR}{_SPACE}*年{_SPACE}*{_MONTH}{_SPACE}*月{_SPACE}*{_DAY}{_SPACE}*日")
_DASHES = r"[—―\-－–─]{1,3}"
_OPEN = r"[（(]"
# A date line: dashes and a year, or dashes and the meeting without a date ("——在第十四届全国人民代表
# 大会第二次会议上"); or a whole date at the start (after an optional bracket) followed by 在/于
# (the meeting), a closing bracket or the end of the line.
DATE_LINE = re.compile(
    rf"^({_DASHES}{_SPACE}*{_OPEN}?{_SPACE}*(\d{{4}}|[〇○零一二三四五六七八九]{{4}}){_SPACE}*年"
    rf"|{_DASHES}{_SPACE}*在.{{2,60}}(会议|會議|大会|大會)上"
    rf"|{_OPEN}?{_SPACE}*{DATE.pattern}{_SPACE}*([在于於，,]|[）)]|$))"
)
# The meeting on the line after a date alone ("2026年1月25日" + "在广东省…会议上"): the same date line.
MEETING_LINE = re.compile(r"^[在于於].{2,60}(会议|會議|大会|大會)上(的(报告|報告|讲话|講話))?[）)]?$")
# The end of a complete date line: the meeting ("…会议上", "…会议上的报告)"), or the date itself
# ("（2010年3月5日）"); a speaker may follow on the same line after a space ("…会议上 陕西省省长 赵刚",
# a 2026 provincial copy), see DATE_SPEAKER_TAIL.
_DATE_END = r"(上|上的(报告|報告|讲话|講話|发言|發言)|日)[）)]?"

# --- Speaker line ----------------------------------------------------------------------------------
# The role ends in an office ("国务院总理", "省人民政府省长", "自治区人民政府主席", "代省长",
# "国务院副总理兼国家计划委员会主席", "财政部部长"), the name follows on the same line after an
# optional space ("省长 王清宪", "国务院总理　李克强", "省长刘小涛") or on the next line (Wikisource
# 2022–2023: "国务院总理" / "李克强"). A name is 2–5 Han characters, a two-character name often
# spaced ("韦 韬"), or parts joined by a middle dot of any length ("艾尔肯·吐尼亚孜", a 2026 provincial copy).
_OFFICE = (r"(总理|總理|省长|省長|市长|市長|区长|區長|县长|縣長|州长|州長|旗长|旗長|盟长|盟長|"
           r"主席|部长|部長|主任|委员长|委員長)")
# A role may name the speaker's other offices first, joined by "、" ("市委副书记、市长 殷勇",
# "自治区党委副书记、自治区主席 艾尔肯·吐尼亚孜").
_ROLE = rf"([{HAN}]{{1,24}}、){{0,2}}[{HAN}]{{0,24}}?{_OFFICE}"
_DOT = r"[·・•‧．.]"
_NAME = rf"([{HAN}]{{1,10}}({_DOT}[{HAN}]{{1,10}})+|[{HAN}](?:{_SPACE}?[{HAN}]){{1,4}})"
# The role may follow a label ("报告人：北京市市长 殷勇"), a colon may stand between role and name
# ("省长：毛伟明"), and the whole line may stand in brackets ("（省长 毛伟明）"): forms of portal copies.
SPEAKER_LINE = re.compile(
    rf"^(?P<open>[（(])?((报告人|報告人)[：:]{_SPACE}*)?(?P<role>{_ROLE}){_SPACE}*([：:]{_SPACE}*)?(?P<name>{_NAME})"
    rf"(?(open)[）)])$"
)

# The role alone on its line, its name on the next ("国务院总理" / "李克强").
ROLE_LINE = re.compile(rf"^{_ROLE}$")
# A name alone on its line: after its role line, or the speaker without a role ("毛伟明" after the
# date line, a 2026 provincial copy; "周恩来" above the date line, 1954 copies).
NAME_LINE = re.compile(rf"^{_NAME}$")
# A name without a role is only taken when it is plainly a name: parts joined by a middle dot, or a
# common family name first. The family names cover the great majority of Han names (the most
# frequent 300 or so, and the two-character ones); a rarer one is still taken right after its role line.
DOTTED_NAME = re.compile(rf"^[{HAN}]{{1,10}}({_DOT}[{HAN}]{{1,10}})+$")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "宇文",
                     "长孙", "司徒", "夏侯", "端木", "司空", "万俟", "闻人", "澹台", "呼延")
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯"
    "纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪"
    "简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎"
    "甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝"
    "区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸"
    "雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀"
    "衣信展阴昝智幸奉植衡富尧闭由薄蔚陳楊黃趙吳孫馬鄭謝許韓馮鄧葉蘇呂盧鍾譚陸錢龔賀顧聶魯嚴"
)
# A speaker on the same line as the date line, after the meeting: "…会议上 陕西省省长 赵刚".
DATE_SPEAKER_TAIL = re.compile(rf"(?<=上)(?P<tail>{_SPACE}*{_ROLE}{_SPACE}*{_NAME})[）)]?$")
DATE_LINE_END = re.compile(rf"({_DATE_END}|上{_SPACE}*{_ROLE}{_SPACE}*{_NAME}[）)]?)$")

# --- Salutation ------------------------------------------------------------------------------------
# The salutation that opens the body: "各位代表：", "各位代表！" (1975, 1978, 1988 national), "各位代表:"
# (2003 national), and with more addressed after it ("各位代表、各位委员：").
SALUTATION = re.compile(r"^各位代表[：:！!，,、]")
# A line that is a sentence of the body, never a front line.
SENTENCE_MARK = re.compile(r"[。！？!?；;]")
# Front matter is at most this many lines; a longer run of short lines before the body is not front matter.
FRONT_MAX_LINES = 16

# The congress a report was given to names its region in full: "在广州市越秀区第十七届人民代表大会"
# (2024 Yuexiu district) → 广州市越秀区, the full name of the issuing government's region.
CONGRESS_REGION = re.compile(rf"在(?P<region>[{HAN}]{{2,20}}?)第[一二三四五六七八九十]{{1,3}}[届屆]人民代表大[会會]")
