"""The network page in real headless Chromium with networking off: what it draws, its filters,
search and neighbourhood, and markup from documents shown as text."""

from __future__ import annotations

import pytest
from browser import drawn, open_page, script_errors
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from kg.outputs.network import entity_network

from conftest import ROOT

SCREENSHOT = ROOT / "out" / "graph.png"
WESTLAKE_UNIVERSITY = "https://w3id.org/kg-policy/id/org/westlake-university"


@pytest.fixture(scope="module")
def expected(seed_graph):
    """The network the page should draw: the default selection of the seed graph."""
    return entity_network(seed_graph)


@pytest.fixture(scope="module")
def loaded(browser, seed_build):
    open_page(browser, seed_build / "graph.html")
    return browser


@pytest.fixture
def page(loaded):
    """The seed page with every filter back to its start (what "Show all" does) and nothing selected."""
    loaded.find_element(By.ID, "show-all").click()
    loaded.execute_script("kgView.network.unselectAll()")
    return loaded


def search(driver, text: str) -> None:
    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys(text, Keys.ENTER)


def test_browser_draws_every_node_and_edge_offline(page, expected):
    shown = drawn(page)
    assert shown["nodes"] == sorted(expected.nodes)
    assert shown["edges"] == expected.number_of_edges()
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert script_errors(page) == []
    SCREENSHOT.parent.mkdir(exist_ok=True)
    assert page.save_screenshot(str(SCREENSHOT))


def test_browser_type_filter_hides_that_type(page, expected):
    page.find_element(By.CSS_SELECTOR, "#type-filters input[data-kind='Organization']").click()
    kept = [n for n, kind in expected.nodes(data="kind") if kind != "Organization"]
    shown = drawn(page)
    assert shown["nodes"] == sorted(kept)
    assert shown["edges"] == expected.subgraph(kept).number_of_edges()


def test_browser_relation_filter_hides_those_edges(page, expected):
    page.find_element(By.CSS_SELECTOR, "#relation-filters input[data-relation='relatedTo']").click()
    others = [e for e in expected.edges(keys=True) if e[2] != "relatedTo"]
    assert drawn(page)["edges"] == len(others)


def test_browser_document_filter_keeps_what_it_mentions(page, expected):
    select = Select(page.find_element(By.ID, "document-filter"))
    doc = next(o.get_attribute("value") for o in select.options if o.get_attribute("value").startswith("003_"))
    select.select_by_value(doc)
    kept = [n for n, docs in expected.nodes(data="documents") if doc in docs]
    assert drawn(page)["nodes"] == sorted(kept)


@pytest.mark.parametrize("query", ["西湖大学", "西湖大學"])
def test_browser_search_finds_and_focuses_a_node(page, query):
    search(page, query)
    assert page.execute_script("return kgView.network.getSelectedNodes()") == [WESTLAKE_UNIVERSITY]
    assert page.find_element(By.ID, "d-label").text == "西湖大学"
    assert "西湖大學" in page.find_element(By.ID, "d-facts").text
    assert len(page.find_elements(By.CSS_SELECTOR, "#d-documents li")) == 2
    assert page.find_elements(By.CSS_SELECTOR, "#d-sentences li")


def selected_on_screen(driver) -> dict:
    """Where the selected node is drawn, once the focus animation has stopped moving it."""
    where = "var net = kgView.network, id = net.getSelectedNodes()[0]; return net.canvasToDOM(net.getPositions([id])[id]);"
    points = [None]
    WebDriverWait(driver, 10, poll_frequency=0.2).until(
        lambda d: points.append(d.execute_script(where)) or points[-1] == points[-2])
    return points[-1]


def test_browser_hover_shows_the_node_tooltip(page):
    search(page, "西湖大学")
    point = selected_on_screen(page)
    canvas = page.find_element(By.CSS_SELECTOR, "#network canvas")
    size = canvas.rect
    ActionChains(page).move_to_element_with_offset(
        canvas, round(point["x"] - size["width"] / 2), round(point["y"] - size["height"] / 2)).perform()
    WebDriverWait(page, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "div.vis-tooltip"))
    tooltip = page.find_element(By.CSS_SELECTOR, "div.vis-tooltip")
    WebDriverWait(page, 10).until(lambda d: tooltip.value_of_css_property("visibility") == "visible")
    assert tooltip.text.splitlines()[:3] == ["西湖大学", "组织机构 Organization", "别名 aliases: 西湖大學"]
    assert "2020年杭州市政府工作报告" in tooltip.text


def test_browser_search_shows_a_node_a_filter_hid(page):
    page.find_element(By.CSS_SELECTOR, "#type-filters input[data-kind='Organization']").click()
    search(page, "西湖大学")
    assert WESTLAKE_UNIVERSITY in drawn(page)["nodes"]


def test_browser_search_says_when_nothing_matches(page):
    search(page, "西湖大学")
    assert page.find_element(By.ID, "details").is_displayed()
    search(page, "不存在的名字")
    assert page.find_element(By.ID, "search-result").text == "没有找到 Not found: 不存在的名字"
    assert page.execute_script("return kgView.network.getSelectedNodes()") == []
    assert not page.find_element(By.ID, "details").is_displayed()  # not the previous hit's details
    assert not page.find_element(By.ID, "neighbourhood").is_enabled()


def test_browser_show_all_rechecks_every_filter(page, expected):
    page.find_element(By.CSS_SELECTOR, "#relation-filters input[data-relation='relatedTo']").click()
    page.find_element(By.CSS_SELECTOR, "#relation-filters input[data-relation='locatedIn']").click()
    page.find_element(By.CSS_SELECTOR, "#type-filters input[data-kind='Program']").click()
    Select(page.find_element(By.ID, "document-filter")).select_by_index(1)
    page.find_element(By.ID, "show-all").click()
    boxes = page.find_elements(By.CSS_SELECTOR, "#type-filters input, #relation-filters input")
    assert {b.get_attribute("data-kind") or b.get_attribute("data-relation"): b.is_selected() for b in boxes} == {
        "District": True, "Program": True, "Project": True, "Organization": True,
        "locatedIn": True, "implements": True, "relatedTo": True}
    assert Select(page.find_element(By.ID, "document-filter")).first_selected_option.get_attribute("value") == ""
    shown = drawn(page)
    assert shown["nodes"] == sorted(expected.nodes)
    assert shown["edges"] == expected.number_of_edges()


VIEW = "var net = kgView.network; return [net.getScale(), net.getViewPosition()];"


def settled_view(driver) -> list:
    """The view's scale and centre once an animated fit has stopped moving it."""
    views = [None]
    WebDriverWait(driver, 10, poll_frequency=0.2).until(
        lambda d: views.append(d.execute_script(VIEW)) or views[-1] == views[-2])
    return views[-1]


def fitted_view(driver) -> list:
    """The view that framing the nodes shown right now gives."""
    driver.execute_script("kgView.network.fit()")
    return driver.execute_script(VIEW)


def same_view(a: list, b: list) -> bool:
    """Within a pixel on screen: an animation's last frame stops a hair short of its target."""
    pixel = 1 / b[0]
    return (a[0] == pytest.approx(b[0], rel=1e-3)
            and (a[1]["x"], a[1]["y"]) == pytest.approx((b[1]["x"], b[1]["y"]), abs=pixel))


@pytest.mark.parametrize("change", ["type", "relation", "document"])
def test_browser_filters_refit_the_view(page, change):
    before = settled_view(page)
    if change == "type":  # only the districts left
        for kind in ("Program", "Project", "Organization"):
            page.find_element(By.CSS_SELECTOR, f"#type-filters input[data-kind='{kind}']").click()
    elif change == "relation":  # in the neighbourhood of one node, fewer relations leave fewer neighbours
        search(page, "西湖大学")
        page.find_element(By.ID, "neighbourhood").click()
        before = settled_view(page)
        page.find_element(By.CSS_SELECTOR, "#relation-filters input[data-relation='relatedTo']").click()
    else:
        select = Select(page.find_element(By.ID, "document-filter"))
        select.select_by_value(next(o.get_attribute("value") for o in select.options
                                    if o.get_attribute("value").startswith("001_")))
    after = settled_view(page)
    framed = fitted_view(page)
    assert not same_view(before, framed)  # the test means something: what is left is framed differently
    assert same_view(after, framed)


def test_browser_neighbourhood_shows_the_node_and_its_neighbours(page, expected):
    search(page, "西湖大学")
    page.find_element(By.ID, "neighbourhood").click()
    around = {WESTLAKE_UNIVERSITY, *expected.successors(WESTLAKE_UNIVERSITY), *expected.predecessors(WESTLAKE_UNIVERSITY)}
    assert drawn(page)["nodes"] == sorted(around)
    page.find_element(By.ID, "show-all").click()
    assert len(drawn(page)["nodes"]) == expected.number_of_nodes()


def test_browser_markup_from_documents_shows_as_text_and_runs_nothing(browser, hostile_build):
    open_page(browser, hostile_build.out / "graph.html")
    search(browser, "</script>条例")  # chromedriver drops "=" when typing, so a part of the name
    assert browser.find_element(By.ID, "d-label").text == hostile_build.name
    sentences = browser.find_element(By.ID, "d-sentences").text
    assert "<script>window.kgPwned='script'</script>" in sentences
    assert "<img src=x onerror=" in sentences
    assert browser.execute_script("return window.kgPwned") is None
    assert browser.execute_script("return document.querySelectorAll('img, b, main script').length") == 0
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    assert script_errors(browser) == []
