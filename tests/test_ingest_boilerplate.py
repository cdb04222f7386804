from pathlib import Path

import pytest

from kg.ingest.boilerplate import Junk, find_boilerplate

SEEDS = Path(__file__).parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _kept(text: str, junk: list[Junk]) -> str:
    out, pos = [], 0
    for j in junk:
        out.append(text[pos : j.start])
        pos = j.end
    return "".join(out) + text[pos:]


def _removed(text: str, junk: list[Junk]) -> str:
    return "".join(text[j.start : j.end] for j in junk)


# Two prose paragraphs, as a report body.
P1 = "过去一年,我们坚持稳中求进工作总基调,全市经济社会保持健康发展良好态势,地区生产总值增长百分之六,一般公共预算收入稳步增长,新增城镇就业持续扩大。"
P2 = "今年我们将继续深化改革开放,加快建设现代化经济体系,推进数字经济和制造业高质量发展,着力保障和改善民生,努力完成全年目标任务。"
BODY = f"{P1}\n\n{P2}\n"

SHAPES = [
    # (name, text, removed lines, kind)
    ("portal header", f"索引号: 001/2020-1 公开方式: 主动公开\n发布单位: 市政府办公厅 主题分类: 其他\n某市政府工作报告\n时间:2020-05-06 来源:市政府门户网站 浏览次数:\n\n{BODY}",
     ["索引号", "发布单位", "浏览次数"], "portal-header"),
    ("single leading field at head", f"来源:市政府门户网站\n{BODY}", ["来源:市政府门户网站"], "portal-header"),
    ("download banner", f"某市政府工作报告\n本文由用户“abc”分享发布 更新时间:2021-03-17 举报文档\n以下为《某市政府工作报告》的无排版文字预览,完整格式请下载\n{BODY}",
     ["分享发布", "无排版文字预览"], "download-site"),
    ("download banner, Traditional", f"本文由用戶上傳者分享 更新時間:2021-03-17 舉報\n{BODY}", ["舉報"], "download-site"),
    ("keyword-only line at tail", f"{BODY}\n图片预览\n", ["图片预览"], "download-site"),
    ("link list at tail", f"{BODY}\n1. 疫情防控心得体会\n2. 小学开学工作方案\n3. 国家省市防疫文件\n4. 政府工作报告全文\n",
     ["1. 疫情防控心得体会", "4. 政府工作报告全文"], "link-list"),
    ("bulleted list at tail", f"{BODY}\n• 某区十四五规划纲要\n• 某县政府工作报告\n• 某市统计公报\n", ["• 某县政府工作报告"], "link-list"),
    ("advertising tail", f"{BODY}\n开通会员(¥)99/年\n海量行业报告\n乐享更多下载,购买超值优惠\n扫一扫关注公众号\n", ["开通会员", "海量行业报告", "扫一扫"], "advertising"),
    ("advertising tail, Traditional", f"{BODY}\n報告庫會員(¥)199/年起售\n樂享更多下載,購買超值優惠\n掃一掃免費\n", ["會員", "掃一掃免費"], "advertising"),
    ("related tail", f"{BODY}\n相关阅读\n某市召开常务会议\n某区部署重点工作\n", ["相关阅读", "某市召开常务会议", "某区部署重点工作"], "related-links"),
    ("related tail, Traditional", f"{BODY}\n猜你喜歡\n", ["猜你喜歡"], "related-links"),
    ("bracketed field at tail", f"{BODY}\n【来源:杭州日报】\n", ["来源:杭州日报"], "portal-header"),
    ("site chrome", f"【字体:大 中 小】 打印本页 关闭窗口\n{BODY}", ["打印本页"], "portal-header"),
]


@pytest.mark.parametrize("name,text,removed,kind", SHAPES, ids=[s[0] for s in SHAPES])
def test_boilerplate_removes_junk_shapes(name, text, removed, kind):
    junk = find_boilerplate(text)
    gone, kept = _removed(text, junk), _kept(text, junk)
    for piece in removed:
        assert piece in gone and piece not in kept
    assert kind in {j.kind for j in junk}
    assert P1 in kept and P2 in kept


KEEP = [
    # Prose that mentions junk words, in the body or at the edges.
    f"{P1}\n全面推广电子证照下载和会员制服务,优化掌上办事体验,群众扫一扫即可办理业务,企业开通账户后免费获取政策信息和优惠措施,持续优化营商环境。\n{P2}",
    f"{P1}\n畅通举报渠道,及时更新时间表和路线图,确保各项任务落到实处,持续提升群众获得感和满意度。\n{P2}",
    # A numbered list in the body (items end sentences, or sit between paragraphs).
    f"{P1}\n1.新建实验室一个。\n2.新增托位一千五百个。\n3.改造老旧小区一百个。\n{P2}",
    f"{P1}\n1.加快数字产业化\n2.推进产业数字化\n3.做强数字经济\n{P2}",
    # A single junk word in a short line that is not junk-shaped: a title and a closing note.
    f"会员服务管理办法\n{BODY}",
    f"{BODY}\n(本文有删减)\n",
    f"{BODY}\n欢迎扫码下载\n",  # one ad word in a closing line is not an ad block
    # Two metadata-like fields in a table row between paragraphs.
    f"{P1}\n开始时间:2020年 结束日期:2021年\n{P2}",
    # A title with a publish date (one field, not at line start) is the document's own metadata.
    f"某市“十四五”规划建议(附全文) 發布時間:2021-01-25 09:09\n{BODY}",
]


@pytest.mark.parametrize("text", KEEP)
def test_boilerplate_keeps_body_prose_with_keywords(text):
    assert find_boilerplate(text) == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_boilerplate_ranges_are_sorted_whole_lines(prefix):
    text = _seed(prefix)
    junk = find_boilerplate(text)
    for j in junk:
        assert j.start == 0 or text[j.start - 1] == "\n"
        assert j.end == len(text) or text[j.end - 1] == "\n"
    assert all(a.end <= b.start for a, b in zip(junk, junk[1:]))


def test_boilerplate_seed_000_drops_portal_header_keeps_title():
    text = _seed("000")
    junk = find_boilerplate(text)
    gone, kept = _removed(text, junk), _kept(text, junk)
    assert {j.kind for j in junk} == {"portal-header"}
    for field in ("索引号", "公开方式", "发布单位", "主题分类", "浏览次数", "来源:“中国杭州”政府门户网站"):
        assert field in gone
    assert kept.startswith("2020年杭州市政府工作报告\n政府工作报告\n")
    assert kept.rstrip().endswith("(本文有删减)")


def test_boilerplate_seed_001_is_clean():
    assert find_boilerplate(_seed("001")) == []


def test_boilerplate_seed_002_drops_ad_tail_keeps_title_and_lead():
    text = _seed("002")
    junk = find_boilerplate(text)
    kept = _kept(text, junk)
    assert kept.startswith("杭州“十四五”規劃和2035年遠景目標建議(附全文) 發布時間:2021-01-25 09:09\n\n中商情報網訊")
    assert "報告庫會員" not in kept and "掃一掃" not in kept and "特色服務推薦" not in kept
    assert kept.rstrip().endswith("確保規劃的目標任務落實落地。")
    assert junk[-1].end == len(text)
    assert text[junk[0].start :].startswith("報告庫會員")
    assert "advertising" in {j.kind for j in junk}


def test_boilerplate_seed_003_drops_related_heading():
    text = _seed("003")
    junk = find_boilerplate(text)
    assert [(text[j.start : j.end], j.kind) for j in junk] == [("相关推荐", "related-links")]
    assert _kept(text, junk).rstrip().endswith("为全面建设美丽幸福的首善之区而努力奋斗!")


def test_boilerplate_seed_004_drops_download_site_wrapping():
    text = _seed("004")
    junk = find_boilerplate(text)
    gone, kept = _removed(text, junk), _kept(text, junk)
    for piece in ("本文由用户", "举报文档", "以下为《XX市政府工作报告》的无排版文字预览", "以上为《XX市政府工作报告》",
                  "下载前请仔细阅读", "请点击下方选择您需要的文档下载", "2. 国家省市防疫文件", "20. 演讲稿打好抗疫战"):
        assert piece in gone and piece not in kept
    assert "link-list" in {j.kind for j in junk} and "download-site" in {j.kind for j in junk}
    assert kept.startswith("XX市政府工作报告\n\nXX市政府工作报告\n\n——2020年4月26日")
    assert kept.rstrip().endswith("努力为实现“两个一百年”奋斗目标作出XX贡献!")
    assert not kept.rstrip().endswith("图片预览")
