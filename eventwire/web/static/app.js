/* eventwire map page. Plain JS, no build step.
 * Everything that comes from the data (article text, titles, names, URLs) is untrusted: it is
 * put on the page with textContent / attribute setters only, never parsed as HTML, and links
 * are kept only when they are http(s). */
(function () {
  "use strict";

  var FILTER_KEYS = ["date_from", "date_to", "event_type", "sub_event_type", "country", "admin1",
    "actor", "q", "min_fatalities", "modality", "status"];
  var GEO_PRECISION = { 1: "the place itself", 2: "near it or part of it", 3: "a region or country" };
  var JOINED = { "new": "First report", auto: "Merged automatically", "auto-merge": "Merged automatically",
    reviewer: "Merged by a reviewer", split: "Split out by a reviewer" };
  var COLORS = ["#d62728", "#ff7f0e", "#9467bd", "#1f77b4", "#8c564b", "#2ca02c", "#7f7f7f"];

  var meta = null;
  var state = { filters: {}, inView: false, view: null, event: null };
  var map, cluster, markers = {}, selectedMarker = null, pickLayer = null, picking = false;
  var nextCursor = null, refreshTimer = null, dayCounts = [], currentEvent = null;
  var reviewerName = null;  // the token's reviewer; null: reading only, no review form

  // --- small DOM helpers (text only) ---------------------------------------------------
  function $(sel) { return document.querySelector(sel); }
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = String(v);
        else if (k === "className") node.className = v;
        else if (k === "onclick") node.addEventListener("click", v);
        else node.setAttribute(k, String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number"
        ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeHref(url) {
    if (!url) return null;
    try {
      var u = new URL(url, window.location.href);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }
  function link(url, label) {
    var href = safeHref(url);
    if (!href) return el("span", { text: label || url || "" });
    return el("a", { href: href, target: "_blank", rel: "noopener noreferrer nofollow",
      text: label || url });
  }
  var statusTimer = null;
  function say(msg, isError) {
    var s = $("#status");
    s.textContent = msg;
    s.className = "show" + (isError ? " error" : "");
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { s.className = ""; }, isError ? 6000 : 2500);
  }

  // --- API ----------------------------------------------------------------------------
  function api(path, opts) {
    opts = opts || {};
    var headers = { "Accept": "application/json" };
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    if (opts.auth) {
      var token = $("#token").value.trim();
      if (token) headers["Authorization"] = "Bearer " + token;
    }
    return fetch(path, { method: opts.method || "GET", headers: headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (data) {
          if (!r.ok) {
            var d = data && data.detail;
            if (Array.isArray(d)) d = d.map(function (x) { return x.msg; }).join("; ");
            throw new Error(d || ("HTTP " + r.status));
          }
          return data;
        });
      });
  }
  function query(extra, omitDates) {
    var p = new URLSearchParams();
    FILTER_KEYS.forEach(function (k) {
      if (omitDates && (k === "date_from" || k === "date_to")) return;
      var v = state.filters[k];
      if (v !== undefined && v !== null && v !== "") p.set(k, v);
    });
    if (state.inView && map) {
      var b = map.getBounds();
      p.set("bbox", [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map(function (x) { return x.toFixed(4); }).join(","));
    }
    Object.keys(extra || {}).forEach(function (k) { p.set(k, extra[k]); });
    return p.toString();
  }

  // --- URL <-> state ------------------------------------------------------------------
  function readURL() {
    var p = new URLSearchParams(window.location.search);
    FILTER_KEYS.forEach(function (k) { if (p.get(k)) state.filters[k] = p.get(k); });
    state.inView = p.get("in_view") === "1";
    state.event = p.get("event");
    var v = (p.get("view") || "").split(",").map(Number);
    if (v.length === 3 && v.every(function (x) { return !isNaN(x); })) state.view = v;
  }
  function writeURL() {
    var p = new URLSearchParams(query({}, false));
    p.delete("bbox");
    if (state.inView) p.set("in_view", "1");
    if (map) {
      var c = map.getCenter();
      p.set("view", [c.lat.toFixed(3), c.lng.toFixed(3), map.getZoom()].join(","));
    }
    if (state.event) p.set("event", state.event);
    history.replaceState(null, "", "?" + p.toString());
    var q = query({}, false);
    $("#export-csv").setAttribute("href", "/api/export.csv" + (q ? "?" + q : ""));
    $("#export-geojson").setAttribute("href", "/api/export.geojson" + (q ? "?" + q : ""));
  }
  function formToState() {
    var form = $("#filters");
    FILTER_KEYS.forEach(function (k) {
      var input = form.elements[k];
      if (input) state.filters[k] = input.value.trim();
    });
    state.inView = form.elements.in_view.checked;
  }
  function stateToForm() {
    var form = $("#filters");
    fillSubTypes();
    FILTER_KEYS.forEach(function (k) {
      if (form.elements[k]) form.elements[k].value = state.filters[k] || "";
    });
    form.elements.in_view.checked = state.inView;
  }

  // --- filter panel -------------------------------------------------------------------
  function typeColor(t) {
    var i = meta.event_types.indexOf(t);
    return COLORS[i >= 0 ? i : COLORS.length - 1];
  }
  function buildFilters() {
    var form = $("#filters");
    meta.event_types.forEach(function (t) {
      form.elements.event_type.appendChild(el("option", { value: t, text: t }));
      $("#legend").appendChild(el("li", null,
        el("span", { className: "swatch", style: "background:" + typeColor(t) }), t));
    });
    meta.modalities.forEach(function (m) {
      form.elements.modality.appendChild(el("option", { value: m, text: m }));
    });
    form.elements.event_type.addEventListener("change", function () {
      state.filters.event_type = form.elements.event_type.value;
      state.filters.sub_event_type = "";
      fillSubTypes();
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault(); formToState(); fitNext = true; refresh();
    });
    $("#reset").addEventListener("click", function () {
      state.filters = {}; state.inView = false; stateToForm(); fitNext = true; refresh();
    });
  }
  function fillSubTypes() {
    var sel = $("#filters").elements.sub_event_type;
    clear(sel);
    sel.appendChild(el("option", { value: "", text: "any" }));
    var types = state.filters.event_type ? [state.filters.event_type] : meta.event_types;
    types.forEach(function (t) {
      (meta.sub_event_types[t] || []).forEach(function (s) {
        sel.appendChild(el("option", { value: s, text: s }));
      });
    });
    sel.value = state.filters.sub_event_type || "";
  }

  // --- map ----------------------------------------------------------------------------
  var placeLayer, regionLayer, regionLabels = [], placeTimer = null, fitNext = false;
  function setupMap() {
    // markercluster's zoomToShowLayer leaves a handler that asks map.hasLayer() about the
    // marker's cluster; after a reload removed that marker (a merge while a reveal runs) the
    // cluster is undefined, and Leaflet 1.9.4's hasLayer(undefined) throws: answer false
    if (!L.Map.prototype._ewHasLayer) {
      L.Map.prototype._ewHasLayer = L.Map.prototype.hasLayer;
      L.Map.prototype.hasLayer = function (layer) { return !!layer && this._ewHasLayer(layer); };
    }
    map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 18 });
    map.createPane("outlines").style.zIndex = 150;  // under tiles: shows if tiles fail
    map.createPane("borders").style.zIndex = 160;
    var labels = map.createPane("labels");
    labels.style.zIndex = 390;  // over tiles, under the event markers
    labels.style.pointerEvents = "none";
    var offline = L.layerGroup(), bases = { "Offline map (Natural Earth)": offline };
    var base = offline;
    if (meta.tiles) {
      base = L.tileLayer(meta.tiles, { attribution: meta.tiles_attribution || "", maxZoom: 18 });
      bases["Online tiles"] = base;
    }
    base.addTo(map);
    if (state.view) map.setView([state.view[0], state.view[1]], state.view[2]);
    else { map.setView([10, 20], 2); fitNext = true; }
    cluster = L.markerClusterGroup({
      maxClusterRadius: function (z) { return z >= 10 ? 25 : 45; },
      showCoverageOnHover: false, chunkedLoading: true, spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon });
    map.addLayer(cluster);
    regionLayer = L.layerGroup();
    placeLayer = L.layerGroup().addTo(map);
    var borders = L.layerGroup().addTo(map);
    var regions = L.layerGroup([regionLayer]).addTo(map);
    layerControl = L.control.layers(bases, { "First-level borders": borders,
      "Region names": regions, "Place names": placeLayer, "Events": cluster },
      { collapsed: true, position: "topright" }).addTo(map);
    map.on("click", onMapClick);
    function bordersByZoom() {  // first-level lines only clutter a world view
      map.getPane("borders").style.display = map.getZoom() < 3 ? "none" : "";
    }
    map.on("zoomend", bordersByZoom);
    bordersByZoom();
    map.on("moveend", function () {
      writeURL();
      drawRegionLabels();
      schedulePlaces();
      if (state.inView) scheduleRefresh();
    });
    map.on("overlayadd", function (e) { if (e.layer === placeLayer) schedulePlaces(); });
    loadOutlines(borders);
    schedulePlaces();
  }
  var layerControl = null;
  function label(latlng, text, cls) {
    var span = document.createElement("span");
    span.textContent = text;
    return L.marker(latlng, { pane: "labels", interactive: false, keyboard: false,
      icon: L.divIcon({ className: "ew-label " + cls, html: span, iconSize: null }) });
  }
  function loadOutlines(borders) {
    fetch("/static/vendor/natural-earth/admin1-10m.json").then(function (r) { return r.json(); })
      .then(function (topo) {
        L.geoJSON(topojson.feature(topo, topo.objects.countries), { pane: "outlines",
          interactive: false,
          style: { color: "#8a8f94", weight: 0.8, fillColor: "#f2efe6", fillOpacity: 1 } })
          .addTo(map);
        L.geoJSON(topojson.mesh(topo, topo.objects.admin1), { pane: "borders",
          interactive: false, className: "ew-admin1",
          style: { color: "#a39b8b", weight: 0.7, dashArray: "3 3", opacity: 0.9 } })
          .addTo(borders);
        regionLabels = topojson.feature(topo, topo.objects.labels).features.map(function (f) {
          var c = f.geometry.coordinates;
          return { lat: c[1], lon: c[0], name: f.properties.name, minZoom: f.properties.min_zoom };
        });
        drawRegionLabels();
        document.body.setAttribute("data-outlines", "loaded");
      }).catch(function () { say("Could not load the offline base map", true); });
  }
  function drawRegionLabels() {
    if (!regionLayer) return;
    regionLayer.clearLayers();
    var z = map.getZoom(), b = map.getBounds().pad(0.1);
    if (z < 4 || z > 9) return;  // below: too many; above: place names take over
    regionLabels.forEach(function (r) {
      if (r.name && r.minZoom <= z + 1.5 && b.contains([r.lat, r.lon])) {
        regionLayer.addLayer(label([r.lat, r.lon], r.name, "ew-region"));
      }
    });
  }
  function schedulePlaces() { clearTimeout(placeTimer); placeTimer = setTimeout(loadPlaces, 150); }
  function loadPlaces() {
    if (!map.hasLayer(placeLayer)) return;
    var b = map.getBounds(), z = map.getZoom();
    var w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
    if (b.getEast() - b.getWest() >= 360) { w = -180; e = 180; }
    var bbox = [w, Math.max(-90, b.getSouth()), e, Math.min(90, b.getNorth())]
      .map(function (x) { return x.toFixed(3); }).join(",");
    api("/api/basemap/places?bbox=" + bbox + "&zoom=" + z + "&limit=" + (z < 4 ? 40 : 150))
      .then(function (data) {
        placeLayer.clearLayers();
        data.places.forEach(function (p) {
          var cls = "ew-place" + (p[3] >= 1000000 ? " big" : "");
          placeLayer.addLayer(label([p[0], p[1]], p[2], cls));
        });
        document.body.setAttribute("data-places", String(data.places.length));
      }).catch(function () { /* labels are a nicety: the map works without them */ });
  }
  function clusterIcon(c) {
    var counts = {}, total = 0;
    c.getAllChildMarkers().forEach(function (m) {
      counts[m.eventType] = (counts[m.eventType] || 0) + 1; total++;
    });
    var order = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; });
    var at = 0, stops = order.map(function (t) {
      var from = at; at += counts[t] / total * 100;
      return typeColor(t) + " " + from.toFixed(1) + "% " + at.toFixed(1) + "%";
    });
    var size = total < 10 ? 30 : total < 100 ? 36 : 44;
    var div = document.createElement("div");
    div.style.background = "conic-gradient(" + stops.join(",") + ")";
    var span = document.createElement("span");
    span.textContent = String(total);
    div.appendChild(span);
    var title = total + " events: " + order.map(function (t) { return counts[t] + " " + t; }).join(", ");
    div.setAttribute("title", title);
    return L.divIcon({ html: div, className: "ew-cluster", iconSize: L.point(size, size),
      dominant: order[0] });
  }
  function tooltipText(p, type) {
    return [p[5] || "undated", type, p[6] || "unnamed place", p[4] + (p[4] === 1 ? " death" : " deaths")]
      .join(" · ");
  }
  function radius(f) { return 5 + Math.min(16, 2.2 * Math.sqrt(f || 0)); }
  function loadMap() {
    return api("/api/map?" + query()).then(function (data) {
      cluster.clearLayers();
      markers = {};
      selectedMarker = null;
      var layers = data.points.map(function (p) {
        var type = data.types[p[3]];
        var m = L.circleMarker([p[1], p[2]], { radius: radius(p[4]), color: "#222", weight: 1,
          fillColor: typeColor(type), fillOpacity: 0.85, className: "ew-marker ew-m-" + p[0] });
        m.eventId = p[0];
        m.eventType = type;
        var tip = tooltipText(p, type);
        m.bindTooltip(tip, { direction: "top", offset: [0, -4] });
        m.on("click", function (e) { L.DomEvent.stopPropagation(e); openEvent(p[0], false); });
        m.on("add", function () {
          var node = m.getElement();
          if (!node) return;
          node.setAttribute("tabindex", "0");
          node.setAttribute("role", "button");
          node.setAttribute("aria-label", tip);
          if (!node.dataset.keys) {
            node.dataset.keys = "1";
            node.addEventListener("keydown", function (e) {
              if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openEvent(p[0], false, true); }
            });
            node.addEventListener("focus", function () { m.openTooltip(); });
            node.addEventListener("blur", function () { m.closeTooltip(); });
          }
        });
        markers[p[0]] = m;
        return m;
      });
      cluster.addLayers(layers);
      document.body.setAttribute("data-markers", String(layers.length));
      $("#map-note").textContent = data.truncated
        ? "(map shows the " + layers.length + " deadliest; filter to see the rest)" : "";
      if (fitNext && !state.inView && layers.length) {
        map.fitBounds(L.latLngBounds(layers.map(function (m) { return m.getLatLng(); })),
          { padding: [30, 30], maxZoom: 8 });
      }
      fitNext = false;
      highlightMarker(state.event);
    });
  }
  function highlightMarker(id, reveal) {
    if (selectedMarker) selectedMarker.setStyle({ weight: 1, color: "#222" });
    selectedMarker = id && markers[id] ? markers[id] : null;
    if (!selectedMarker) return;
    selectedMarker.setStyle({ weight: 4, color: "#000" });
    var m = selectedMarker;
    function front() { if (map.hasLayer(m) && m.bringToFront) m.bringToFront(); }
    // a selected event hidden in a cluster: zoom in or spiderfy until its marker shows
    // (not a marker a map reload has just taken out of the cluster: after a merge the
    // panel can ask before the new markers are in)
    if (reveal && !map.hasLayer(m) && cluster.hasLayer(m)) cluster.zoomToShowLayer(m, front);
    else front();
  }
  function onMapClick(e) {
    if (!picking) return;
    picking = false;
    $("#map").classList.remove("picking");
    var lat = e.latlng.lat.toFixed(5), lon = L.Util.wrapNum(e.latlng.lng, [-180, 180], true).toFixed(5);
    var form = $("#edit-form");
    if (form) { form.elements.lat.value = lat; form.elements.lon.value = lon; }
    if (pickLayer) map.removeLayer(pickLayer);
    pickLayer = L.circleMarker(e.latlng, { radius: 9, color: "#000", weight: 2, dashArray: "3",
      fillOpacity: 0, className: "ew-pick" }).addTo(map);
    say("Place set to " + lat + ", " + lon + " (save to keep it)");
  }

  // --- timeline -----------------------------------------------------------------------
  function loadStats() {
    var dated = state.filters.date_from || state.filters.date_to;
    var all = api("/api/stats?" + query({}, true));
    return Promise.all([all, dated ? api("/api/stats?" + query()) : all])
      .then(function (res) {
        dayCounts = res[0].by_day;
        lastTotal = res[0].total;
        lastStats = res[1];
        drawSummary();
        drawTimeline();
        $("#summary").textContent = res[1].total + " events, " + res[1].fatalities +
          " reported deaths";
      });
  }
  function dayNum(s) { return Math.floor(Date.parse(s + "T00:00:00Z") / 86400000); }
  function dayStr(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }
  var brush = null, lastTotal = 0, lastStats = null;
  function timelineRange() {
    if (!dayCounts.length) return null;
    var lo = dayNum(dayCounts[0].key), hi = dayNum(dayCounts[dayCounts.length - 1].key);
    return [lo - 1, hi + 1];
  }
  function drawTimeline() {
    var c = $("#timeline"), w = c.clientWidth, h = c.clientHeight;
    c.width = w; c.height = h;
    var g = c.getContext("2d");
    g.clearRect(0, 0, w, h);
    var range = timelineRange();
    if (!range) {
      $("#timeline-label").textContent = !lastTotal
        ? (hasFilters() ? "No events match these filters" : "No events yet")
        : "None of the " + lastTotal + " matching events has a date";
      return;
    }
    var span = range[1] - range[0] + 1, binDays = Math.max(1, Math.ceil(span / (w / 3)));
    var bins = {}, maxN = 1;
    dayCounts.forEach(function (d) {
      var b = Math.floor((dayNum(d.key) - range[0]) / binDays);
      bins[b] = (bins[b] || 0) + d.events;
      maxN = Math.max(maxN, bins[b]);
    });
    var bw = w / Math.ceil(span / binDays);
    var from = state.filters.date_from ? dayNum(state.filters.date_from) : null;
    var to = state.filters.date_to ? dayNum(state.filters.date_to) : null;
    Object.keys(bins).forEach(function (b) {
      var day0 = range[0] + b * binDays;
      var inSel = (from === null || day0 + binDays - 1 >= from) && (to === null || day0 <= to);
      g.fillStyle = inSel ? "#1f6fd1" : "#b8c2cc";
      var bh = Math.max(2, (h - 14) * bins[b] / maxN);
      g.fillRect(b * bw, h - 12 - bh, Math.max(1, bw - 1), bh);
    });
    g.fillStyle = "#5b6570"; g.font = "10px sans-serif";
    g.fillText(dayStr(range[0]), 2, h - 1);
    var endLabel = dayStr(range[1]);
    g.fillText(endLabel, w - g.measureText(endLabel).width - 2, h - 1);
    if (brush) {
      g.fillStyle = "rgba(31,111,209,0.18)";
      g.fillRect(Math.min(brush[0], brush[1]), 0, Math.abs(brush[1] - brush[0]), h - 12);
    }
    $("#timeline-label").textContent = (from || to)
      ? (state.filters.date_from || "…") + " to " + (state.filters.date_to || "…") +
        " (double-click to clear)"
      : "drag to choose dates";
  }
  function setupTimeline() {
    var c = $("#timeline"), down = false;
    function x(e) { var r = c.getBoundingClientRect(); return Math.max(0, Math.min(r.width, e.clientX - r.left)); }
    c.addEventListener("mousedown", function (e) { down = true; brush = [x(e), x(e)]; drawTimeline(); });
    window.addEventListener("mousemove", function (e) { if (down) { brush[1] = x(e); drawTimeline(); } });
    window.addEventListener("mouseup", function () {
      if (!down) return;
      down = false;
      var range = timelineRange(), w = c.clientWidth;
      if (range && Math.abs(brush[1] - brush[0]) > 3) {
        var span = range[1] - range[0] + 1;
        var a = range[0] + Math.floor(Math.min(brush[0], brush[1]) / w * span);
        var b = range[0] + Math.floor(Math.max(brush[0], brush[1]) / w * span);
        state.filters.date_from = dayStr(a);
        state.filters.date_to = dayStr(b);
        stateToForm();
        brush = null;
        refresh();
      } else { brush = null; drawTimeline(); }
    });
    c.addEventListener("dblclick", function () {
      state.filters.date_from = ""; state.filters.date_to = ""; stateToForm(); refresh();
    });
    window.addEventListener("resize", drawTimeline);
  }

  // --- summary view -------------------------------------------------------------------
  var chart = null;
  function showTab(which) {
    var summary = which === "summary";
    $("#summary-view").hidden = !summary;
    $("#table-wrap").hidden = summary;
    [["#tab-table", !summary], ["#tab-summary", summary]].forEach(function (t) {
      $(t[0]).setAttribute("aria-selected", String(t[1]));
      $(t[0]).setAttribute("tabindex", t[1] ? "0" : "-1");
    });
    if (summary) drawSummary();
  }
  function setupTabs() {
    $("#tab-table").addEventListener("click", function () { showTab("table"); });
    $("#tab-summary").addEventListener("click", function () { showTab("summary"); });
    $("#tabs").addEventListener("keydown", function (e) {
      if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
      var next = $("#tab-summary").getAttribute("aria-selected") === "true" ? "table" : "summary";
      showTab(next);
      $(next === "summary" ? "#tab-summary" : "#tab-table").focus();
    });
  }
  function periodOf(day, unit) {  // the first day of the day's bin
    if (unit === "day") return day;
    if (unit === "month") return day.slice(0, 7) + "-01";
    var n = dayNum(day), dow = (new Date(n * 86400000).getUTCDay() + 6) % 7;  // Monday first
    return dayStr(n - dow);
  }
  function drawSummary() {
    if (!lastStats || $("#summary-view").hidden) return;
    var s = lastStats, days = s.by_day;
    var span = days.length ? dayNum(days[days.length - 1].key) - dayNum(days[0].key) : 0;
    var unit = span <= 92 ? "day" : span <= 730 ? "week" : "month";
    var bins = {}, order = [];
    days.forEach(function (d) {
      var k = periodOf(d.key, unit);
      if (!bins[k]) { bins[k] = { dead: 0, types: {} }; order.push(k); }
      bins[k].dead += d.fatalities;
      Object.keys(d.by_type).forEach(function (t) {
        bins[k].types[t] = (bins[k].types[t] || 0) + d.by_type[t][0];
      });
    });
    var types = meta.event_types.filter(function (t) {
      return order.some(function (k) { return bins[k].types[t]; });
    });
    var data = {
      labels: order,
      datasets: types.map(function (t) {
        return { label: t, stack: "events", yAxisID: "y", backgroundColor: typeColor(t),
          data: order.map(function (k) { return bins[k].types[t] || 0; }) };
      }).concat([{ type: "line", label: "Fatalities", yAxisID: "y1", borderColor: "#1d2329",
        backgroundColor: "#1d2329", pointRadius: 2, borderWidth: 1.5,
        data: order.map(function (k) { return bins[k].dead; }) }])
    };
    var per = unit;  // weeks start on Monday
    if (chart) { chart.data = data; chart.options.scales.y.title.text = "events / " + per; chart.update(); }
    else {
      chart = new Chart($("#summary-chart"), { type: "bar", data: data, options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { display: false } },  // the legend beside the filters names the colours
        scales: { x: { stacked: true, ticks: { font: { size: 10 }, maxRotation: 0, autoSkip: true } },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: "events / " + per },
            ticks: { precision: 0 } },
          y1: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false },
            title: { display: true, text: "fatalities" }, ticks: { precision: 0 } } } } });
    }
    $("#summary-chart").setAttribute("data-bins", String(order.length));
    $("#summary-chart").setAttribute("data-unit", unit);
    fillTop("#top-country", s.by_country.slice(0, 10), "country", function (d) {
      return countryLabel(d.key); });
    fillTop("#top-admin1", s.by_admin1, "admin1", function (d) {
      return d.key + (d.iso3 ? " (" + d.iso3 + ")" : ""); }, function (d) {
      return d.iso3 ? { country: d.iso3 } : {}; });
    fillTop("#top-actor", s.by_actor, "actor", function (d) { return d.key; });
  }
  function countryLabel(iso) {
    var opt = document.querySelector('#country-list option[value="' + CSS.escape(iso || "") + '"]');
    var label = opt ? (opt.getAttribute("label") || "").split(" · ")[0] : "";
    return label && label !== iso ? label + " (" + iso + ")" : (iso || "unknown");
  }
  function fillTop(sel, items, key, text, extra) {
    var ol = $(sel);
    clear(ol);
    items.filter(function (d) { return d.key; }).forEach(function (d) {
      var b = el("button", { type: "button", className: "link", "data-value": d.key,
        text: text(d) });
      b.addEventListener("click", function () {
        state.filters[key] = d.key;
        var more = extra ? extra(d) : {};
        Object.keys(more).forEach(function (k) { state.filters[k] = more[k]; });
        stateToForm(); fitNext = true; refresh();
      });
      ol.appendChild(el("li", null, b, el("span", { className: "n",
        text: " " + d.events + " ev · " + d.fatalities + " dead" })));
    });
    if (!ol.firstChild) ol.appendChild(el("li", { className: "none", text: "none" }));
  }

  // --- table --------------------------------------------------------------------------
  function actorsText(ev) {
    return [ev.actor1 && ev.actor1.name, ev.actor2 && ev.actor2.name].filter(Boolean).join(" / ");
  }
  function placeText(ev) {
    var l = ev.location;
    if (!l) return "";
    return [l.name, l.admin1, l.iso3].filter(Boolean).join(", ");
  }
  function loadTable(reset) {
    var extra = { limit: 100 };
    if (!reset && nextCursor) extra.cursor = nextCursor;
    return api("/api/events?" + query(extra)).then(function (data) {
      var body = $("#events tbody");
      if (reset) clear(body);
      data.items.forEach(function (ev) {
        var tr = el("tr", { "data-id": ev.id, className: ev.status === "rejected" ? "rejected" : "" },
          el("td", { text: ev.date || "?" }),
          el("td", null, el("span", { className: "swatch", style: "background:" + typeColor(ev.event_type) }),
            " " + ev.sub_event_type),
          el("td", { text: placeText(ev) }),
          el("td", { text: actorsText(ev) }),
          el("td", { text: ev.fatalities.best }),
          el("td", { text: ev.n_sources }),
          el("td", { text: ev.reviewed ? "✓" : "" }));
        tr.setAttribute("tabindex", "0");
        tr.setAttribute("aria-label", [ev.date || "undated", ev.sub_event_type, placeText(ev)].join(", "));
        tr.addEventListener("click", function () { openEvent(ev.id, true); });
        tr.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); openEvent(ev.id, true, true); }
        });
        body.appendChild(tr);
      });
      if (reset && !data.items.length) {
        body.appendChild(el("tr", { className: "empty" }, el("td", { colspan: "7",
          text: hasFilters() ? "No events match these filters." : "The store has no events yet." })));
      }
      nextCursor = data.next_cursor;
      $("#more").hidden = !nextCursor;
      markRow(state.event);
    });
  }
  function markRow(id) {
    document.querySelectorAll("#events tr.selected").forEach(function (r) { r.classList.remove("selected"); });
    if (!id) return;
    var row = document.querySelector('#events tr[data-id="' + CSS.escape(id) + '"]');
    if (row) { row.classList.add("selected"); row.scrollIntoView({ block: "nearest" }); }
  }

  // --- refresh ------------------------------------------------------------------------
  function scheduleRefresh() { clearTimeout(refreshTimer); refreshTimer = setTimeout(refresh, 250); }
  function loadFacets() {
    return Promise.all(["country", "admin1", "actor"].map(function (field) {
      return api("/api/facets/" + field + "?" + query({ limit: 300 })).then(function (data) {
        var list = $("#" + field + "-list");
        clear(list);
        data.values.forEach(function (v) {
          list.appendChild(el("option", { value: v.value,
            label: (v.label ? v.label + " · " : "") + v.events + (v.events === 1 ? " event" : " events") }));
        });
      });
    }));
  }
  function hasFilters() {
    return FILTER_KEYS.some(function (k) { return state.filters[k]; }) || state.inView;
  }
  function refresh() {
    writeURL();
    var loading = $("#loading");
    loading.hidden = false;
    document.body.setAttribute("aria-busy", "true");
    return Promise.all([loadMap(), loadStats(), loadTable(true), loadFacets()])
      .then(function () { document.body.removeAttribute("data-error"); })
      .catch(function (e) {
        // say what failed, and do not leave the previous results looking current
        document.body.setAttribute("data-error", e.message);
        cluster.clearLayers();
        var body = $("#events tbody");
        clear(body);
        body.appendChild(el("tr", { className: "empty error" }, el("td", { colspan: "7",
          text: "Could not load the events: " + e.message })));
        $("#summary").textContent = "";
        $("#more").hidden = true;
        say(e.message, true);
      })
      .then(function () {
        loading.hidden = true;
        document.body.removeAttribute("aria-busy");
        document.body.setAttribute("data-ready", String(Date.now()));
      });
  }

  // --- event panel --------------------------------------------------------------------
  function openEvent(id, pan, focusPanel) {
    state.event = id;
    writeURL();
    markRow(id);
    highlightMarker(id, false);
    return api("/api/events/" + encodeURIComponent(id)).then(function (ev) {
      if (ev.id !== id) { state.event = ev.id; writeURL(); }
      renderPanel(ev);
      if (pan && ev.location && ev.location.lat !== null) {
        map.setView([ev.location.lat, ev.location.lon], Math.max(map.getZoom(), 6));
      }
      highlightMarker(state.event, true);
      if (focusPanel) {
        if (document.activeElement && !$("#panel").contains(document.activeElement)) {
          openedFrom = document.activeElement;
        }
        $("#panel-body h2").focus();
      }
    }).catch(function (e) { say(e.message, true); });
  }
  var openedFrom = null;
  function closePanel() {
    state.event = null; currentEvent = null;
    if (openedFrom && document.contains(openedFrom)) openedFrom.focus();
    openedFrom = null;
    $("#panel").hidden = true; document.body.classList.add("no-panel");
    map.invalidateSize(); writeURL(); markRow(null); highlightMarker(null);
  }
  function fatalText(f) {
    return f.low !== f.high ? f.best + " (" + f.low + "–" + f.high + ")" : String(f.best);
  }
  function renderPanel(ev) {
    currentEvent = ev;
    var panel = $("#panel"), body = $("#panel-body");
    clear(body);
    panel.hidden = false;
    document.body.classList.remove("no-panel");
    map.invalidateSize();
    body.setAttribute("data-event", ev.id);
    body.appendChild(el("h2", { tabindex: "-1" },
      el("span", { className: "swatch", style: "background:" + typeColor(ev.event_type) }),
      " " + ev.sub_event_type,
      ev.reviewed ? el("span", { className: "badge ok", text: "reviewed" }) : null,
      ev.status !== "active" ? el("span", { className: "badge bad", text: ev.status }) : null));
    var dl = el("dl");
    function row(k, v) { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", { text: v || "—" })); }
    row("Event type", ev.event_type);
    row("Date", ev.date ? ev.date + (ev.time_precision > 1 ? " (approx.)" : "") : "");
    row("Place", placeText(ev));
    if (ev.location && ev.location.lat !== null) row("Coordinates", ev.location.lat + ", " + ev.location.lon);
    row("Actor 1", ev.actor1 && ev.actor1.name);
    row("Actor 2", ev.actor2 && ev.actor2.name);
    var gp = ev.location && ev.location.geo_precision;
    if (gp) row("Geo precision", gp + " · " + (GEO_PRECISION[gp] || ""));
    row("Fatalities", fatalText(ev.fatalities));
    row("Sources", ev.n_sources + " article(s), " + ev.n_outlets + " outlet(s)");
    row("Id", ev.id);
    body.appendChild(dl);

    body.appendChild(el("h3", { text: "Reports" }));
    ev.reports.forEach(function (r) {
      var box = el("div", { className: "report", "data-mention": r.mention_id });
      box.appendChild(el("div", { className: "title" },
        link(r.url, r.title || r.url || r.article_id)));
      box.appendChild(el("div", { className: "meta",
        text: [r.outlet, r.published, r.modality + (r.attribution ? " (" + r.attribution + ")" : ""),
          r.fatalities.best + " dead",
          typeof r.confidence === "number" ? "confidence " + r.confidence.toFixed(2) : null]
          .filter(Boolean).join(" · ") }));
      box.appendChild(el("div", { className: "joined" }, el("strong", { text: JOINED[r.joined_by] || r.joined_by || "joined" }),
        r.join_reasons && r.join_reasons.length ? ": " + r.join_reasons.join("; ") : ""));
      if (r.evidence) {
        box.appendChild(el("p", { className: "context" },
          r.evidence.before, el("mark", { text: r.evidence.sentence }), r.evidence.after));
      }
      box.appendChild(el("div", null,
        el("a", { href: "/api/articles/" + encodeURIComponent(r.article_id), target: "_blank",
          rel: "noopener", text: "stored text" }),
        reviewerName && ev.reports.length > 1 ? " · " : null,
        reviewerName && ev.reports.length > 1 ? el("button", { type: "button", className: "split",
          text: "Split into its own event", onclick: function () { split(r.mention_id); } }) : null));
      body.appendChild(box);
    });

    if (reviewerName) body.appendChild(reviewForm(ev));
    else body.appendChild(el("p", { className: "read-only", id: "read-only-note",
      text: "Reading only. To confirm, correct, merge or split this event, paste a reviewer " +
        "token in the box at the top (an administrator makes one with `eventwire token create NAME`)." }));

    var dupBox = el("section", { id: "similar" }, el("h3", { text: "Possible duplicates" }),
      el("p", { className: "meta", text: "Looking for events near it in time and place…" }));
    body.appendChild(dupBox);
    loadSimilar(ev, dupBox);

    if (ev.corrections.length || ev.decisions.length) {
      body.appendChild(el("h3", { text: "History" }));
      var ul = el("ul", { id: "corrections" });
      ev.corrections.forEach(function (c) {
        ul.appendChild(el("li", { text: c.at.slice(0, 16).replace("T", " ") + " " + c.who + ": " +
          c.field + " " + valueText(c.old_value) + " → " + valueText(c.new_value) +
          (c.note ? " (" + c.note + ")" : "") }));
      });
      ev.decisions.forEach(function (d) {
        ul.appendChild(el("li", { text: (d.at || "").slice(0, 16).replace("T", " ") + " " +
          (d.who || "?") + ": " + d.action + " " + (d.other_id || "") + (d.reason ? " (" + d.reason + ")" : "") }));
      });
      body.appendChild(ul);
    }
  }
  function valueText(v) {  // a correction's value as words, not raw JSON
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v !== "object") return String(v);
    if (v.name !== undefined && v.lat === undefined) return v.name || "—";
    if (v.sub_event_type) return v.sub_event_type;
    if (v.lat !== undefined) return (v.name ? v.name + " " : "") + "(" + v.lat + ", " + v.lon + ")";
    return Object.keys(v).map(function (k) { return k + " " + valueText(v[k]); }).join(", ");
  }
  function loadSimilar(ev, box) {
    api("/api/events/" + encodeURIComponent(ev.id) + "/similar").then(function (data) {
      if (!currentEvent || currentEvent.id !== ev.id) return;
      clear(box);
      box.appendChild(el("h3", { text: "Possible duplicates" }));
      if (!data.items.length) {
        box.appendChild(el("p", { className: "meta", text: "None within 3 days and 50 km." }));
        return;
      }
      var ul = el("ul", { className: "similar" }), picks = [];
      data.items.forEach(function (d) {
        var label = [d.date, d.sub_event_type, placeText(d), d.fatalities.best + " dead"].join(" · ");
        var open = el("button", { type: "button", className: "link", text: label,
          onclick: function () { openEvent(d.id, true, true); } });
        var li = el("li", { "data-id": d.id });
        if (reviewerName) {
          var cb = el("input", { type: "checkbox", value: d.id, "aria-label": "Merge " + label });
          picks.push(cb);
          li.appendChild(cb);
        }
        li.appendChild(open);
        li.appendChild(el("div", { className: "meta", text: d.why.join(", ") }));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      if (reviewerName) {
        box.appendChild(el("button", { type: "button", id: "merge-selected", text: "Merge selected into this event",
          onclick: function () {
            var ids = picks.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
            if (!ids.length) { say("Tick the duplicates to merge", true); return; }
            mergeMany(ids);
          } }));
      }
    }).catch(function (e) { clear(box); box.appendChild(el("p", { className: "meta", text: "Could not look for duplicates: " + e.message })); });
  }
  function mergeMany(ids) {
    var target = currentEvent.id, chain = Promise.resolve(null);
    ids.forEach(function (other) {
      chain = chain.then(function () {
        return api("/api/events/" + encodeURIComponent(target) + "/merge",
          { method: "POST", auth: true, body: { other_id: other } });
      });
    });
    return after(chain, "Merged " + ids.length + (ids.length === 1 ? " event" : " events"));
  }
  function reviewForm(ev) {
    var wrap = el("section", { id: "review" }, el("h3", { text: "Review" }));
    wrap.appendChild(el("div", { className: "actions" },
      el("button", { type: "button", id: "confirm", className: "primary", text: "Confirm",
        onclick: function () { act("confirm"); } }),
      el("button", { type: "button", id: "reject", className: "danger",
        text: ev.status === "rejected" ? "Restore" : "Reject",
        onclick: function () {
          if (ev.status === "rejected") edit({ status: "active" });
          else act("reject");
        } })));
    var form = el("form", { id: "edit-form" });
    var typeSel = el("select", { name: "sub_event_type" });
    meta.event_types.forEach(function (t) {
      var og = el("optgroup", { label: t });
      meta.sub_event_types[t].forEach(function (s) { og.appendChild(el("option", { value: s, text: s })); });
      typeSel.appendChild(og);
    });
    typeSel.value = ev.sub_event_type;
    var f = el("fieldset", null, el("legend", { text: "Edit" }),
      el("label", null, "Sub-event type", typeSel),
      el("label", null, "Actor 1", el("input", { name: "actor1", value: ev.actor1 ? ev.actor1.name : "" })),
      el("label", null, "Actor 2", el("input", { name: "actor2", value: ev.actor2 ? ev.actor2.name : "" })),
      el("div", { className: "row" },
        el("label", null, "Date", el("input", { name: "date", type: "date", value: ev.date || "" })),
        el("label", null, "Fatalities", el("input", { name: "fatalities", type: "number", min: "0",
          value: ev.fatalities.best }))),
      el("label", null, "Place name", el("input", { name: "place_name",
        value: ev.location && ev.location.name ? ev.location.name : "" })),
      el("div", { className: "row" },
        el("label", null, "Lat", el("input", { name: "lat", value: ev.location ? ev.location.lat : "" })),
        el("label", null, "Lon", el("input", { name: "lon", value: ev.location ? ev.location.lon : "" }))),
      el("div", { className: "actions" },
        el("button", { type: "button", id: "pick-place", text: "Pick place on map",
          onclick: function () { picking = true; $("#map").classList.add("picking");
            say("Click the map where the event happened"); } }),
        el("button", { type: "submit", id: "save-edit", className: "primary", text: "Save changes" })),
      el("label", null, "Note", el("input", { name: "note", placeholder: "why (optional)" })));
    form.appendChild(f);
    form.addEventListener("submit", function (e) { e.preventDefault(); saveEdit(form, ev); });
    wrap.appendChild(form);
    var mergeInput = el("input", { name: "other_id", id: "merge-id", placeholder: "id of the duplicate" });
    wrap.appendChild(el("fieldset", null, el("legend", { text: "Merge a duplicate into this event" }),
      mergeInput,
      el("div", { className: "actions" }, el("button", { type: "button", id: "merge", text: "Merge",
        onclick: function () { merge(mergeInput.value.trim()); } }))));
    return wrap;
  }
  function saveEdit(form, ev) {
    var e = form.elements, changes = {};
    if (e.sub_event_type.value !== ev.sub_event_type) changes.type = { sub_event_type: e.sub_event_type.value };
    var a1 = e.actor1.value.trim(), a2 = e.actor2.value.trim();
    // a rename keeps the actor's inter code (the CSV's inter1/inter2/interaction need it)
    function renamed(name, old) {
      if (!name) return null;
      var out = { name: name };
      if (old && old.inter !== null && old.inter !== undefined) out.inter = old.inter;
      return out;
    }
    if (a1 !== (ev.actor1 ? ev.actor1.name : "")) changes.actor1 = renamed(a1, ev.actor1);
    if (a2 !== (ev.actor2 ? ev.actor2.name : "")) changes.actor2 = renamed(a2, ev.actor2);
    if (e.date.value && e.date.value !== ev.date) changes.date = e.date.value;
    if (e.fatalities.value !== "" && Number(e.fatalities.value) !== ev.fatalities.best) {
      changes.fatalities = Number(e.fatalities.value);
    }
    var loc = ev.location || {}, name = e.place_name.value.trim();
    if (e.lat.value !== "" && e.lon.value !== "" &&
        (Number(e.lat.value) !== loc.lat || Number(e.lon.value) !== loc.lon ||
         name !== (loc.name || ""))) {
      changes.location = { lat: Number(e.lat.value), lon: Number(e.lon.value) };
      if (name) changes.location.name = name;
    }
    if (!Object.keys(changes).length) { say("Nothing changed"); return; }
    edit(changes, e.note.value.trim());
  }
  function after(promise, message) {
    return promise.then(function (ev) {
      if (pickLayer) { map.removeLayer(pickLayer); pickLayer = null; }
      state.event = ev.id;
      renderPanel(ev);
      say(message);
      return refresh();
    }).catch(function (e) { say(e.message, true); });
  }
  function act(kind) {
    return after(api("/api/events/" + encodeURIComponent(currentEvent.id) + "/" + kind,
      { method: "POST", auth: true, body: {} }), kind === "confirm" ? "Confirmed" : "Rejected");
  }
  function edit(changes, note) {
    return after(api("/api/events/" + encodeURIComponent(currentEvent.id),
      { method: "PATCH", auth: true, body: { changes: changes, note: note || null } }), "Saved");
  }
  function merge(other) {
    if (!other) { say("Give the id of the duplicate", true); return; }
    return after(api("/api/events/" + encodeURIComponent(currentEvent.id) + "/merge",
      { method: "POST", auth: true, body: { other_id: other } }), "Merged");
  }
  function split(mentionId) {
    return after(api("/api/mentions/" + encodeURIComponent(mentionId) + "/split",
      { method: "POST", auth: true, body: {} }), "Split into a new event");
  }

  // --- token --------------------------------------------------------------------------
  function setupToken() {
    var input = $("#token");
    try { input.value = sessionStorage.getItem("eventwire-token") || ""; } catch (e) { /* private mode */ }
    function check() {
      try { sessionStorage.setItem("eventwire-token", input.value.trim()); } catch (e) { /* ignore */ }
      function become(name, text) {
        var changed = name !== reviewerName;
        reviewerName = name;
        $("#whoami").textContent = text;
        if (changed && currentEvent) renderPanel(currentEvent);
      }
      if (!input.value.trim()) { become(null, "read-only"); return; }
      api("/api/whoami", { auth: true }).then(function (d) {
        become(d.name, "reviewing as " + d.name);
      }).catch(function () { become(null, "token not valid (read-only)"); });
    }
    input.addEventListener("change", check);
    check();
  }

  // --- start --------------------------------------------------------------------------
  function start() {
    readURL();
    api("/api/meta").then(function (m) {
      meta = m;
      buildFilters();
      stateToForm();
      // size the map's column before Leaflet measures it
      if (!state.event) document.body.classList.add("no-panel");
      setupMap();
      setupTimeline();
      setupTabs();
      setupToken();
      $("#close-panel").addEventListener("click", closePanel);
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && !$("#panel").hidden) { e.preventDefault(); closePanel(); }
      });
      $("#more").addEventListener("click", function () { loadTable(false); });
      $("#toggle-filters").addEventListener("click", function () {
        var open = document.body.classList.toggle("show-filters");
        this.setAttribute("aria-expanded", String(open));
        map.invalidateSize();
      });
      return refresh().then(function () { if (state.event) openEvent(state.event, false); });
    }).catch(function (e) {
      if (window.console) console.error(e && e.stack ? e.stack : e);
      say("Could not start: " + (e && e.message ? e.message : e), true);
    });
  }
  document.addEventListener("DOMContentLoaded", start);
})();
