"""Find web junk around a policy document: portal metadata headers, download-site banners,
lists of link titles, ads and "related articles" tails.

A single keyword never condemns a line. Rules need line shape: several keyword families in one
short line, a line made of keywords only, a run of short numbered titles, or a block of short
lines at the document's head or tail (before the first / after the last prose paragraph).
Keywords match Simplified and Traditional script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Junk:
    start: int  # half-open code-point offsets, whole lines
    end: int
    kind: str  # "portal-header" | "download-site" | "link-list" | "advertising" | "related-links"
    rule: str  # id of the rule that fired


PROSE_LEN = 80  # a line this long without banner evidence is body prose
SENTENCE_LEN = 30  # a shorter line is prose when it also ends a sentence
SHORT = 40  # ad, chrome and tail-block lines are at most this long
ITEM_LEN = 80  # longest title accepted in a link list
BANNER_LEN = 200  # longest line the banner and field rules may remove
FIELD_LINE_LEN = 60  # longest line starting with a single metadata field
HEADING_LEN = 20  # longest "相关推荐"-style heading
MIN_ITEMS = 3  # a link list has at least this many titles
KEYWORD_ONLY_REST = 2  # a line is "keywords only" if at most this many word chars remain

# Portal metadata labels; each counts only when followed by a colon.
_FIELD_LABELS = (
    r"索引[号號]", r"公[开開](?:方式|日期|范[围圍]|[时時]限)", r"[发發](?:布|文)(?:[单單]位|机[构構关關]|日期|[时時][间間]|字?[号號])",
    r"成文日期", r"文[号號]", r"主[题題]分[类類]", r"[体體]裁分[类類]", r"所[属屬]机[构構]",
    r"[浏瀏][览覽](?:次[数數]|量)", r"[阅閱][读讀](?:次[数數]|量)", r"[点點][击擊](?:[数數]|量|率)", r"[访訪][问問]量",
    r"(?:信息)?[来來]源", r"作者", r"(?:[责責]任)?[编編][辑輯]", r"(?:更新)?[时時][间間]", r"日期", r"字[号號]", r"有效性",
)
_FIELD = re.compile(r"(?:" + "|".join(_FIELD_LABELS) + r")\s*[:：]")
_FIELD_FIRST = re.compile(r"^[\W_]*" + _FIELD.pattern)  # 【来源:…】 as well as 来源:…

# Download-site banners: share and preview notices, calls to download. One family per entry.
_DOWNLOAD = tuple(re.compile(p) for p in (
    r"本[文站]由.{0,30}?(?:分享|上[传傳])|分享[发發]布|用[户戶]分享|上[传傳]者",
    r"文字[预預][览覽]", r"[图圖]片[预預][览覽]", r"[无無]排版", r"完整格式",
    r"[请請]下[载載]|下[载載]前|下[载載]的文[档檔]|文[档檔]下[载載]|下[载載]文[档檔]|[立免][即费費]下[载載]",
    r"[点點][击擊]下方", r"[内內]容[过過][长長]|[仅僅]展示|全文[请請][查察]看",
))
# Words that also occur in prose (举报渠道, 更新时间表): they only add to a download family.
_DOWNLOAD_GENERIC = tuple(re.compile(p) for p in (r"更新[时時][间間]", r"[举舉][报報]", r"上[传傳][时時][间間]"))

# Advertising: memberships, prices, QR codes, purchase calls. One family per entry.
_AD = tuple(re.compile(p) for p in (
    r"[会會][员員]|VIP|vip", r"[扫掃]一[扫掃]|二[维維][码碼]", r"[购購][买買]|[订訂][购購]|充值",
    r"[优優]惠|超值|特[价價]|折扣|限[时時]", r"[¥￥]|元\s*[/／]\s*[年月]|起售", r"[开開]通", r"免[费費]",
    r"下[载載]", r"公[众眾][号號]", r"[获獲]取", r"[广廣]告",
))

# Headings that open a tail of links to other articles.
_RELATED = re.compile(
    r"^\W*(?:相[关關](?:推[荐薦]|[阅閱][读讀]|文章|[新][闻聞]|[链鏈]接|文[档檔]|[资資]料|[报報]告)|猜你喜[欢歡]"
    r"|[热熱][门門](?:文章|推[荐薦]|[阅閱][读讀])|推[荐薦][阅閱][读讀]|延伸[阅閱][读讀]|更多[阅閱][读讀]|精彩推[荐薦]"
    r"|[为為]你推[荐薦]|大家都在看|[你您]可能感?[兴興]趣|查看更多|[上下]一篇)"
)

# Site chrome: font-size switches, print/close buttons, breadcrumbs, pagination, share buttons.
_CHROME = re.compile(
    r"字[体體]\s*[:：]?\s*[【\[]?\s*大|打印本?[页頁]|[关關][闭閉](?:窗口|本[页頁])|返回(?:[顶頂]部|首[页頁])"
    r"|[当當]前位置|[您你]的位置|首[页頁]\s*[>＞»]|分享到|收藏本[页頁]|[上下]一[页頁]"
)

# A list item: "1.", "2、", "(3)", or a bullet, followed by text.
_ITEM = re.compile(r"^(?:\d{1,3}\s*[.．、)）]|[(（]\d{1,3}[)）]|[•·●◆◇▪▶►\-])\s*\S")
_SENTENCE_END = tuple("。！？；!?;")
_NONWORD = re.compile(r"\W")


@dataclass
class _Line:
    start: int
    end: int
    text: str  # stripped


Mark = Optional[tuple[str, str]]  # (kind, rule)


def find_boilerplate(text: str) -> list[Junk]:
    """Junk ranges of ``text``: sorted, non-overlapping, each made of whole lines."""
    lines = _split(text)
    marks: list[Mark] = [_banner(ln.text) for ln in lines]
    prose = [i for i, ln in enumerate(lines) if marks[i] is None and _is_prose(ln.text)]
    first = prose[0] if prose else len(lines)
    last = prose[-1] if prose else -1
    head = list(range(first))
    tail = list(range(last + 1, len(lines)))
    for zone, is_tail in ((head, False), (tail, True)):
        for i in zone:
            if marks[i] is None:
                marks[i] = _edge(lines[i].text, is_tail)
        _mark_link_lists(lines, marks, zone)
    _cut_tail(lines, marks, tail)
    return _ranges(lines, marks)


def _split(text: str) -> list[_Line]:
    lines, pos = [], 0
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl + 1
        lines.append(_Line(pos, end, text[pos:end].strip()))
        pos = end
    return lines


def _families(patterns: tuple[re.Pattern[str], ...], s: str) -> int:
    return sum(1 for p in patterns if p.search(s))


def _keywords_only(patterns: tuple[re.Pattern[str], ...], s: str) -> bool:
    """True if ``s`` has a keyword and little else (``图片预览``, ``举报文档``, ``会员登录``)."""
    rest = s
    for p in patterns:
        rest = p.sub("", rest)
    return rest != s and len(_NONWORD.sub("", rest)) <= KEYWORD_ONLY_REST


def _banner(s: str) -> Mark:
    """Evidence strong enough to remove a line anywhere: download-site phrases are never prose."""
    site = _families(_DOWNLOAD, s)
    if len(s) <= BANNER_LEN and site and site + _families(_DOWNLOAD_GENERIC, s) >= 2:
        return ("download-site", "download-banner")
    return None


def _fields(s: str) -> int:
    return len(_FIELD.findall(s)) if len(s) <= BANNER_LEN else 0


def _is_prose(s: str) -> bool:
    if _fields(s) >= 2:  # a long metadata line must not end the head zone
        return False
    return len(s) >= PROSE_LEN or (len(s) >= SENTENCE_LEN and s.endswith(_SENTENCE_END))


def _edge(s: str, is_tail: bool) -> Mark:
    """Evidence that removes a line only before the first or after the last prose line."""
    if not s:
        return None
    if _fields(s) >= 2:
        return ("portal-header", "portal-fields")
    if len(s) <= FIELD_LINE_LEN and _FIELD_FIRST.match(s):
        return ("portal-header", "portal-field")
    if len(s) <= SHORT and _CHROME.search(s):
        return ("portal-header", "site-chrome")
    if len(s) <= SHORT and _families(_AD, s) >= 2:
        return ("advertising", "advertising")
    if is_tail and len(s) <= HEADING_LEN and _RELATED.match(s):
        return ("related-links", "related-tail")
    if _keywords_only(_DOWNLOAD + _DOWNLOAD_GENERIC, s):
        return ("download-site", "download-note")
    if _keywords_only(_AD, s):
        return ("advertising", "ad-word")
    return None


def _weak(s: str) -> Mark:
    """A short line with one junk keyword: junk only inside a tail block."""
    if not s or len(s) > SHORT:
        return None
    if _families(_DOWNLOAD, s):
        return ("download-site", "tail-block")
    if _families(_AD, s):
        return ("advertising", "tail-block")
    if _RELATED.match(s):
        return ("related-links", "tail-block")
    return None


def _is_item(s: str) -> bool:
    return len(s) <= ITEM_LEN and bool(_ITEM.match(s)) and not s.endswith(_SENTENCE_END)


def _mark_link_lists(lines: list[_Line], marks: list[Mark], zone: list[int]) -> None:
    """Runs of MIN_ITEMS or more short numbered/bulleted titles (blank lines allowed between)."""
    run: list[int] = []
    for i in zone + [-1]:  # -1 flushes the last run
        if i >= 0 and not lines[i].text:
            continue
        if i >= 0 and marks[i] is None and _is_item(lines[i].text):
            run.append(i)
            continue
        if len(run) >= MIN_ITEMS:
            for k in run:
                marks[k] = ("link-list", "link-list")
        run = []


def _cut_tail(lines: list[_Line], marks: list[Mark], tail: list[int]) -> None:
    """From the first junk line of the tail after which every line is junk or short, drop the rest.

    The block needs one line with real evidence or two with a junk keyword. Lines without evidence
    in it (``最新情報資訊``, stray ``?``) take the kind of the junk line above them.
    """
    if not tail:
        return
    clean_from = len(lines)  # every non-blank line from here on is junk evidence or short
    for k in reversed(tail):
        s = lines[k].text
        if s and marks[k] is None and len(s) > SHORT:
            break
        clean_from = k
    block = [k for k in tail if k >= clean_from and lines[k].text]
    start = next((n for n, k in enumerate(block) if marks[k] or _weak(lines[k].text)), None)
    if start is None:
        return
    block = block[start:]
    strong = any(marks[k] for k in block)
    if not strong and sum(1 for k in block if _weak(lines[k].text)) < 2:
        return
    kind = None
    for k in block:
        mark = marks[k] or _weak(lines[k].text) or (kind, "tail-block")
        marks[k] = mark
        kind = mark[0]


def _ranges(lines: list[_Line], marks: list[Mark]) -> list[Junk]:
    """Merge runs of same-kind junk lines; blank lines after a junk line join its range."""
    out: list[Junk] = []
    cur: Optional[list] = None  # [start, end, kind, rule]
    for ln, mark in zip(lines, marks):
        if mark is not None:
            if cur is not None and cur[2] == mark[0]:
                cur[1] = ln.end
                continue
            if cur is not None:
                out.append(Junk(*cur))
            cur = [ln.start, ln.end, mark[0], mark[1]]
        elif not ln.text and cur is not None:
            cur[1] = ln.end
        elif cur is not None:
            out.append(Junk(*cur))
            cur = None
    if cur is not None:
        out.append(Junk(*cur))
    return out
