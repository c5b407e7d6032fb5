"""Page chrome of portals and Wikisource pages that ../shared/realcorpus does not show (issue 14,
judged on copies of other portals): each line, put where such pages put it (above the title,
between the title block and the salutation, under the last sentence) into a real report of
content/, is removed and listed as a repair, and the report reads as the clean copy does
(front lines, title, date, speaker, headings with anchors' order and every paragraph).

The lines are the common forms of Chinese government and newspaper portals; tools/mess.py dresses
whole reports in them (portal-gov, portal-news, wikisource-templates; tests/test_messy_copies.py).
"""

from __future__ import annotations

import dataclasses

import pytest

from tools.mess import body_opening, last_text_line
from zhengbao.clean import clean_report
from zhengbao.hyperlink_breaks import join_link_breaks
from zhengbao.load import load_reports
from zhengbao.model import LogicalLine, Report, SourceLine
from zhengbao.parse import parse_report
from zhengbao.script import to_traditional

from .conftest import ARCHIVE

ABOVE_TITLE = [
    "首页 > 政务公开 > 政府工作报告",
    "当前位置：首页 > 信息公开 > 政府工作报告 > 正文",
    "位置：首页>>政务公开>>规划计划",
    "您当前的位置：首页 - 要闻 - 正文",
    "您现在的位置：首页 > 要闻 > 正文",
    "首页 / 政务公开 / 政府工作报告",
    "首页 | 要闻动态 | 政务公开 | 政务服务 | 互动交流",
    "【打印文章】【关闭窗口】【返回顶部】",
    "设为首页 | 加入收藏 | English",
    "无障碍浏览 | 长者模式 | 繁體版 | 登录",
    "此文档已经被提议删除。",
    "删除理由：与其他页面重复",
    "本页面已被提请快速删除。",
    "湖南省人民政府门户网站",
    "湖南省人民政府",
    "中国·湖南",
    "[图片]",
    "编者按：1月27日，湖南省第十四届人民代表大会第四次会议开幕。本报全文刊发政府工作报告，敬请关注。",
    "主菜单", "页面", "讨论", "大陆简体", "不转换", "阅读", "编辑", "查看历史", "工具", "下载为PDF", "可打印版", "固定链接",
    "引用此页",
    "此页面需要校对。",
    "本作品的文本尚不完整。",
    "网站首页",
    "请输入关键字",
    "当前位置 > 首页 > 要闻",
    "政务公开 > 规划计划 > 政府工作报告",
    "人民网 >> 时政",
    "新华网 > 时政 > 正文",
    "→ 1983年政府工作报告",
    "← 1981年国务院政府工作报告 → 1983年国务院政府工作报告",
    "跳转至：导航、搜索",
    "中华人民共和国政府工作报告 - 维基文库，自由的图书馆",
]
BEFORE_SALUTATION = [
    "发布时间：2026-01-27 10:30 来源：湖南日报 作者：张三 浏览次数：",
    "发布时间：2026-01-27 10:30:00  来源：省政府办公厅  【字体：大 中 小】  【打印】",
    "信息来源：湖南省人民政府办公厅　　发布日期：2026年01月27日",
    "来源： 湖南日报 | 作者： 张三 | 发布时间： 2026-01-27",
    "2026年01月27日 10:30　来源：湖南日报",
    "索引号：000014349/2026-00012  发布机构：湖南省人民政府办公厅  发布日期：2026-01-27",
    "编辑：张三 校对：李四 审核：王五",
    "阅读量：10万+",
    "字体：[大 中 小]",
    "【字体：大 中 小】【打印】【关闭】",
    "分享到：微信 微博 QQ空间",
    "扫一扫在手机打开当前页",
    "微信扫一扫：分享",
    "湖南日报全媒体记者 张三 王五",
    "湖南日报·新湖南客户端 记者 张三 李四",
    "新华社北京1月27日电（记者 张三 李四）",
    "图为1月27日，省长在大会上作政府工作报告。新华社记者 李四 摄",
    "▲1月27日，湖南省第十四届人民代表大会第四次会议在长沙开幕。湖南日报全媒体记者 张三 摄",
    "（新华社记者 王五 摄）",
    "（摄影：王五）",
    "图片来源：网络",
    "视频：政府工作报告全文",
    "00:00 / 03:25",
    "视频加载中，请稍候...",
    "【视频】",
    "音频：听报告",
    "打开湖南日报客户端，阅读体验更佳",
    "下载湖南日报APP，看更多精彩内容",
    "手机看",
    "【我要纠错】",
    "【大 中 小】",
    "浏览：1024",
    "点击：356次",
    "左右滑动查看更多",
    "#2026湖南两会#",
    "【图集】",
    "文字：张三　图片：李四",
    "通讯员 王五",
    "湖南日报·新湖南客户端1月27日讯",
    "湖南日报·新湖南客户端1月27日讯（记者 张三）",
    "【编者按】今天，省十四届人大四次会议开幕，省长毛伟明作政府工作报告。",
    "1月27日，湖南省第十四届人民代表大会第四次会议在长沙开幕，省长毛伟明作政府工作报告。以下为报告全文：",
    "默认 大 超大",
    "【点击播放视频】",
]
UNDER_TEXT = [
    "（完）",
    "（来源：湖南日报）",
    "【来源：湖南日报】",
    "（责任编辑：张三）",
    "责任编辑：李四",
    "本文来源：湖南日报",
    "【纠错】",
    "[纠错]",
    "【打印本页】【关闭窗口】",
    "上一篇：关于印发2026年重点工作分工方案的通知",
    "下一篇：没有了",
    "网站地图 | 联系我们 | 使用帮助 | 隐私声明",
    "版权所有：湖南省人民政府办公厅　　主办：湖南省人民政府办公厅",
    "主办：湖南省人民政府办公厅 承办：湖南省电子政务中心",
    "湘ICP备05000230号　湘公网安备 43010502000123号",
    "京公网安备11010502035588号",
    "政府网站标识码：4300000035",
    "建议使用1920×1080分辨率浏览本网站",
    "Copyright © 2026 湖南日报 All Rights Reserved",
    "湖南日报版权所有，未经书面授权禁止使用",
    "违法和不良信息举报电话：12377",
    "地址：长沙市韶山北路1号　邮编：410011",
    "联系电话：0731-82218000  传真：0731-82218001",
    "电子邮箱：webmaster@hunan.gov.cn",
    "您是第123456位访客",
    "点击查看：图解2026年政府工作报告",
    "新闻热线：0731-84326110",
    "关注我们",
    "微信公众号",
    "扫码关注",
    "湖南省人民政府办公厅 主办",
    "（本文来源：湖南日报）",
    "来源：湖南日报　编辑：张三　审核：李四",
    "依据《中华人民共和国著作权法》第五条，本作品不适用于该法。",
    "本作品在全世界都属于公有领域，因为作者逝世已经超过100年，并且于1930年1月1日之前出版。",
    "注：中文维基文库社群认为，中华人民共和国公务演讲，属于公有领域。",
    "这部作品在1930年1月1日以前首次出版，其作者1955年逝世，在美国以及版权期限是作者终身加70年以下的国家以及地区，属于公有领域。",
    "热门推荐",
    "网站支持IPv6",
    "上一篇",
    "下一篇",
    "（新华社）",
    "新华社发",
    "关于维基文库",
    "免责声明",
    "手机版视图",
    "开发者",
    "Cookie声明",
    "文本使用知识共享署名-相同方式共享许可协议；还可能应用额外的条款。",
]
# A portal copy (toolbar above the title, 相关报道： under the text) and a Wikisource copy (indented
# paragraphs, licence footer) of content/.
REPORTS = ("2026-hunan", "2026-guizhou", "1982-national")
RAW = {raw.meta.slug: raw for raw in load_reports(ARCHIVE) if raw.meta.slug in REPORTS}


def shape(report: Report) -> list[tuple]:
    """What a reader sees of a parsed report: front lines, title, date and speaker, then every
    heading (level, text) and paragraph in order."""
    front = report.front
    out: list[tuple] = [*front.lines, (front.title, front.date, front.speaker, front.speaker_role)]
    out += [("p", p.text) for p in report.preamble]
    for section in report.all_sections():
        out.append((section.level, section.heading))
        out += [("p", p.text) for p in section.paragraphs]
    return out


def built(slug: str, texts: list[str]) -> Report:
    """The report of content/ with these source lines, cleaned and parsed as the build does."""
    raw = dataclasses.replace(RAW[slug], lines=[SourceLine(n, t) for n, t in enumerate(texts, 1)], repairs=[])
    return parse_report(clean_report(raw))


def with_line(slug: str, where: str, extra: list[str]) -> Report:
    texts = [line.text for line in RAW[slug].lines]
    at = {"above": 0, "before": body_opening(texts), "under": last_text_line(texts)}[where]
    return built(slug, texts[:at] + extra + texts[at:])


CLEAN = {slug: shape(built(slug, [line.text for line in RAW[slug].lines])) for slug in REPORTS}
CASES = ([("above", line) for line in ABOVE_TITLE] + [("before", line) for line in BEFORE_SALUTATION]
         + [("under", line) for line in UNDER_TEXT])


@pytest.mark.parametrize("slug", REPORTS)
@pytest.mark.parametrize(("where", "line"), CASES)
def test_unseen_chrome_line_is_removed_and_listed(slug, where, line):
    report = with_line(slug, where, [line])
    assert shape(report) == CLEAN[slug]
    assert [r for r in report.repairs if r.before.strip() == line.strip() and r.after == "" and r.why]


@pytest.mark.parametrize("slug", REPORTS)
def test_all_unseen_chrome_at_once(slug):
    """The whole chrome of an unseen portal together, in its three places."""
    texts = [line.text for line in RAW[slug].lines]
    start, end = body_opening(texts), last_text_line(texts)
    report = built(slug, ABOVE_TITLE + texts[:start] + BEFORE_SALUTATION + texts[start:end] + UNDER_TEXT + texts[end:])
    assert shape(report) == CLEAN[slug]
    listed = {r.before.strip() for r in report.repairs}
    assert [line for line in ABOVE_TITLE + BEFORE_SALUTATION + UNDER_TEXT if line not in listed] == []


def test_wiki_notes_and_their_markers_are_removed():
    """A Wikisource page's reference list (注释 / ↑ …) and the [1] markers it left in the sentences."""
    texts = [line.text for line in RAW["1982-national"].lines]
    first = next(i for i, t in enumerate(texts) if t.strip().startswith("现在，我代表国务院"))
    licence = next(i for i, t in enumerate(texts) if t.startswith("本作品"))
    marked = texts[first].replace("现在，", "现在[1]，")
    report = built("1982-national", texts[:first] + [marked] + texts[first + 1:licence]
                   + ["注释", "1. ↑ 指当年的统计口径。"] + texts[licence:])
    assert shape(report) == CLEAN["1982-national"]
    fixes = {(r.fix, r.before.strip()) for r in report.repairs}
    assert {("remove_wiki_notes", "注释"), ("remove_wiki_notes", "1. ↑ 指当年的统计口径。"),
            ("remove_wiki_notes", marked.strip())} <= fixes


def test_report_own_notes_without_arrows_stay():
    """A report's own notes (注释： / [1] …, as a PDF copy prints them) are its text: nothing is cut."""
    texts = [line.text for line in RAW["2026-guizhou"].lines]
    end = last_text_line(texts)
    notes = ["注释：", "[1]“六六就业稳岗计划”：指围绕六类重点群体实施六项稳岗举措。"]
    report = built("2026-guizhou", texts[:end] + notes + texts[end:])
    assert not [r for r in report.repairs if r.fix == "remove_wiki_notes"]
    shown = " ".join(text for kind, *rest in shape(report) if kind == "p" for text in rest)
    assert "[1]“六六就业稳岗计划”" in shown


@pytest.mark.parametrize("sentence", [
    "成功创建全国版权示范城市。", "编列建筑物门牌地址。", "推动公共视频联网共享，提升基层治理效能。",
    "第三轮中央生态环境保护督察交办的群众举报问题办结率98.3%。",
])
def test_report_sentences_with_chrome_words_stay(sentence):
    """Real sentences of content/ that hold a footer's or player's word (版权, 地址, 视频, 举报) stay."""
    texts = [line.text for line in RAW["2026-hunan"].lines]
    end = last_text_line(texts)
    report = built("2026-hunan", texts[:end] + [sentence] + texts[end:])
    assert not [r for r in report.repairs if r.before.strip() == sentence]


def test_navigation_bar_above_the_title_is_not_joined_to_it():
    """"无障碍浏览|长者模式|登录" over "2026年湖南省政府工作报告" is chrome, not the title's first half."""
    texts = [line.text for line in RAW["2026-hunan"].lines]
    title = texts.index("2026年湖南省政府工作报告")
    report = built("2026-hunan", texts[:title] + ["无障碍浏览|长者模式|登录"] + texts[title:])
    assert report.front.title == "2026年湖南省政府工作报告"


@pytest.mark.parametrize("numbered", [True, False])
def test_table_of_contents_over_the_text_is_removed(numbered):
    """MediaWiki's 目录 box over a Wikisource page: "1 一、…" entries (or the number on a line of its
    own) that repeat the text's headings; every entry listed, the headings stay where the text has them."""
    texts = [line.text for line in RAW["1982-national"].lines]
    heads = [t.strip() for t in texts if t.strip()[:2] in ("一、", "二、", "三、") and not t.strip().endswith(("。", "；", "，"))]
    assert len(heads) >= 2
    box = ["目录", *(part for n, head in enumerate(heads, 1) for part in ([f"{n} {head}"] if numbered else [str(n), head]))]
    report = built("1982-national", box + texts)
    assert shape(report) == CLEAN["1982-national"]
    assert [line for line in box if line not in {r.before.strip() for r in report.repairs}] == []


@pytest.mark.parametrize("slug", ["1982-national", "2026-guizhou"])
def test_chrome_of_a_traditional_copy_is_removed(slug):
    """A copy in traditional script (a Wikisource page served as zh-hant, a Hong Kong reprint): the
    report and every chrome line converted with OpenCC s2t; the chrome is still removed and listed."""
    texts = [to_traditional(line.text) for line in RAW[slug].lines]
    start, end = body_opening(texts), last_text_line(texts)
    above, before, under = ([to_traditional(line) for line in group] for group in (ABOVE_TITLE, BEFORE_SALUTATION, UNDER_TEXT))
    report = built(slug, above + texts[:start] + before + texts[start:end] + under + texts[end:])
    assert shape(report) == shape(built(slug, texts))
    listed = {r.before.strip() for r in report.repairs}
    assert [line for line in above + before + under if line not in listed] == []


def test_bare_page_number_over_a_paragraph_is_no_linked_name():
    """A PDF page number the furniture repair left over a paragraph of a Wikisource-set copy (1960
    national's lines 49 and 51, a bare "2" between them) is not joined to the paragraph as a linked
    name that opens it: a number is no name, and "2总之，…" would add a word the text lacks."""
    source = (ARCHIVE / "1960-national.txt").read_text(encoding="utf-8").splitlines()
    texts = [source[48], "", "2", source[50]]
    assert texts[3].strip().startswith("总之，全国农业发展纲要四年来")
    lines = [LogicalLine(text, number, number) for number, text in enumerate(texts, start=1)]
    kept, repairs = join_link_breaks(lines)
    assert [line.text for line in kept] == texts and repairs == []


@pytest.mark.parametrize("slug", REPORTS)
@pytest.mark.parametrize("box", [["姊妹计划", "维基百科 条目", "维基数据 项"],
                                 ["姊妹计划：", "Wikipedia article", "Wikidata item"]])
def test_sister_projects_with_spaced_names_are_removed(slug, box):
    """The sister-projects box of a Wikisource page as other skins print it: the names with a space
    (维基百科 条目) or in English (Wikidata item), one a line under 姊妹计划."""
    report = with_line(slug, "above", box)
    assert shape(report) == CLEAN[slug]
    assert set(box) <= {r.before.strip() for r in report.repairs if r.after == ""}
