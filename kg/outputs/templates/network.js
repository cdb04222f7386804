// The page's behaviour: filters, search, neighbourhood and the details panel.
// Every text from the documents is set with textContent (or a property), never as HTML.
(function () {
  "use strict";

  // The data is JSON in a non-executed script element; Jinja's tojson escaped <, > and &.
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var page = data.page;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var titles = {};
  page.documents.forEach(function (d) { titles[d.id] = d.title || d.id; });

  var state = {
    types: new Set(page.types.map(function (t) { return t.name; })),
    relations: new Set(page.relations.map(function (r) { return r.name; })),
    document: "",
    around: null  // a node id while only its neighbourhood is shown
  };

  function $(id) { return document.getElementById(id); }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function neighbourhood(id) {
    var keep = new Set([id]);
    edges.forEach(function (e) {
      if (!state.relations.has(e.relation)) return;
      if (e.from === id) keep.add(e.to);
      if (e.to === id) keep.add(e.from);
    });
    return keep;
  }

  function nodeShown(n, around) {
    return state.types.has(n.kind) &&
      (!state.document || n.documents.indexOf(state.document) >= 0) &&
      (!around || around.has(n.id));
  }

  // Hiding (rather than removing) keeps every node where the layout put it.
  function apply() {
    var around = state.around ? neighbourhood(state.around) : null;
    var shown = new Set();
    nodes.update(nodes.get().map(function (n) {
      var visible = nodeShown(n, around);
      if (visible) shown.add(n.id);
      return { id: n.id, hidden: !visible };
    }));
    var shownEdges = 0;
    edges.update(edges.get().map(function (e) {
      var visible = state.relations.has(e.relation) && shown.has(e.from) && shown.has(e.to);
      if (visible) shownEdges += 1;
      return { id: e.id, hidden: !visible };
    }));
    $("counts").textContent = "显示 " + shown.size + " / " + nodes.length + " 个节点，" + shownEdges +
      " 条边（图中共 " + page.entities + " 个实体）· showing " + shown.size + " nodes, " + shownEdges + " edges";
    return shown.size;
  }

  // A filter changed what is shown: apply it and frame what is left (fit() frames visible nodes only).
  function refilter() {
    if (apply() > 0) network.fit({ animation: { duration: 400 } });
  }

  // One checkbox per item (an entity type or a relation), with its legend swatch and count.
  function checkboxes(container, items, chosen, key, counted, swatch) {
    var counts = {};
    counted.forEach(function (x) { counts[x[key]] = (counts[x[key]] || 0) + 1; });
    items.forEach(function (item) {
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset[key] = item.name;
      box.addEventListener("change", function () {
        if (box.checked) chosen.add(item.name); else chosen.delete(item.name);
        refilter();
      });
      var row = el("label", null, "filter");
      row.append(box, swatch(item), el("span", item.zh + " " + item.en), el("span", "(" + (counts[item.name] || 0) + ")", "count"));
      $(container).append(row);
    });
  }

  function typeFilters() {
    checkboxes("type-filters", page.types, state.types, "kind", nodes, function (t) {
      var swatch = el("span", { dot: "●", diamond: "◆", square: "■", triangle: "▲" }[t.shape] || "●", "swatch");
      swatch.style.color = t.color;
      return swatch;
    });
  }

  function relationFilters() {
    checkboxes("relation-filters", page.relations, state.relations, "relation", edges, function (r) {
      var swatch = el("span", null, "edge-swatch" + (r.dashes ? " dashed" : ""));
      swatch.style.borderTopColor = r.color;
      return swatch;
    });
  }

  function documentFilter() {
    var select = $("document-filter");
    page.documents.forEach(function (d) {
      var option = el("option", (d.title || d.id) + " (" + d.id + ")");
      option.value = d.id;
      select.append(option);
    });
    select.addEventListener("change", function () { state.document = select.value; refilter(); });
  }

  function showDetails(id) {
    var n = id === null ? null : nodes.get(id);
    $("details").hidden = !n;
    $("neighbourhood").disabled = !n;
    if (!n) return;
    var kind = page.types.filter(function (t) { return t.name === n.kind; })[0];
    $("d-label").textContent = n.label;
    $("d-kind").textContent = kind.zh + " " + kind.en;
    var facts = $("d-facts");
    facts.replaceChildren();
    [["别名 Aliases", n.aliases.join("、")], ["区划代码 Code", n.code], ["级别 Level", n.level],
     ["撤销 Until", n.validUntil], ["提及 Mentions", n.mentions], ["IRI", n.iri]].forEach(function (f) {
      if (f[1] === undefined || f[1] === "") return;
      facts.append(el("dt", f[0]), el("dd", f[1]));
    });
    $("d-documents").replaceChildren.apply($("d-documents"), n.documents.map(function (d) { return el("li", titles[d] || d); }));
    $("d-sentences").replaceChildren.apply($("d-sentences"), n.sentences.map(function (s) { return el("li", s); }));
  }

  function find(query) {
    var q = query.trim();
    if (!q) return null;
    var all = nodes.get();
    var hit = all.filter(function (n) { return n.label === q; })[0] ||
      all.filter(function (n) { return n.aliases.indexOf(q) >= 0; })[0] ||
      all.filter(function (n) { return n.label.indexOf(q) >= 0; })
        .sort(function (a, b) { return b.mentions - a.mentions || a.label.length - b.label.length; })[0];
    return hit ? hit.id : null;
  }

  function resetFilters() {
    page.types.forEach(function (t) { state.types.add(t.name); });
    page.relations.forEach(function (r) { state.relations.add(r.name); });
    state.document = "";
    state.around = null;
    document.querySelectorAll("#type-filters input, #relation-filters input").forEach(function (b) { b.checked = true; });
    $("document-filter").value = "";
    apply();
  }

  function search() {
    var query = $("search").value;
    var id = find(query);
    if (id === null) {
      // The panel must not go on showing the previous hit as if it answered this query.
      network.unselectAll();
      showDetails(null);
      $("search-result").textContent = "没有找到 Not found: " + query;
      return null;
    }
    if (nodes.get(id).hidden) resetFilters();
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 400 } });
    showDetails(id);
    $("search-result").textContent = "找到 Found: " + nodes.get(id).label;
    return id;
  }

  function names() {
    var list = $("names");
    nodes.forEach(function (n) { var o = el("option"); o.value = n.label; list.append(o); });
  }

  typeFilters();
  relationFilters();
  documentFilter();
  names();
  apply();

  var network = new vis.Network($("network"), { nodes: nodes, edges: edges }, page.options);
  var view = window.kgView = { network: network, nodes: nodes, edges: edges, ready: false, search: search };

  function settled() {
    network.setOptions({ physics: { enabled: false } });
    $("progress").hidden = true;
    view.ready = true;
    document.body.dataset.ready = "true";
  }
  network.on("stabilizationProgress", function (p) {
    $("progress-value").textContent = Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settled);
  if (nodes.length === 0) settled();

  network.on("selectNode", function (p) { showDetails(p.nodes[0]); });
  network.on("deselectNode", function () { showDetails(null); });
  $("search-go").addEventListener("click", search);
  $("search").addEventListener("keydown", function (e) { if (e.key === "Enter") search(); });
  $("neighbourhood").addEventListener("click", function () {
    var selected = network.getSelectedNodes();
    if (!selected.length) return;
    state.around = selected[0];
    apply();
    network.fit({ nodes: Array.from(neighbourhood(selected[0])), animation: { duration: 400 } });
  });
  $("show-all").addEventListener("click", function () { resetFilters(); network.fit(); });
})();
