/* geomap: the events of one map as clustered markers, filtered by layer and date range;
 * popups, tooltips, legend, search and an outline basemap.
 *
 * All markers share one MarkerClusterGroup (one bubble per place, whatever the layers);
 * a marker is in it while its layer is ticked and its date is in the range.  The layers
 * in the layer control are empty feature groups that work as switches.
 *
 * Text that came from an article only ever reaches the page through textContent
 * (or DOM text nodes), never innerHTML: a "<script>" in a dispatch stays text.
 * The only HTML strings built here are our own SVG marker shapes.
 *
 * Test hook: window.geomap (the last map made on the page; all are in window.geomaps).
 */
(function () {
  'use strict';

  var DAY = 86400000;
  var GEO_PRECISION = {1: 'the place itself', 2: 'near or part of the place', 3: 'only a larger region known'};
  var HEX = /^#[0-9a-fA-F]{6}$/;

  function dayOf(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
    return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY) : null;
  }

  function isoOf(d) {
    return new Date(d * DAY).toISOString().slice(0, 10);
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function safeUrl(u) {
    return /^https?:\/\//i.test(u || '') ? u : null;
  }

  function colour(c) {
    return HEX.test(c || '') ? c : '#7f8c8d';
  }

  function shapeSvg(shapes, shape, fill, size) {
    // Our own constants only (shapes from geomap.render.style, colours checked above).
    return '<svg xmlns="http://www.w3.org/2000/svg" width="' + size + '" height="' + size +
      '" viewBox="0 0 20 20" fill="' + colour(fill) + '" stroke="#ffffff" stroke-width="1.4"' +
      ' stroke-linejoin="round">' + (shapes[shape] || shapes.ring) + '</svg>';
  }

  function GeoMap(cfg, data) {
    var self = this;
    this.cfg = cfg;
    this.map = cfg.map;
    this.ready = false;
    var D = this.data = data;
    var C = D.cols, S = D.strings, n = D.n;
    this.n = n;
    this.timing = {start: performance.now()};

    // Dates as day numbers (NaN when the year is unknown).
    var day = this.day = new Float64Array(n), cache = {}, lo = Infinity, hi = -Infinity, undated = 0;
    for (var i = 0; i < n; i++) {
      var k = C.date[i], d = cache[k];
      if (d === undefined) { d = cache[k] = dayOf(S[k]); }
      if (d === null) { day[i] = NaN; undated++; } else {
        day[i] = d;
        if (d < lo) { lo = d; }
        if (d > hi) { hi = d; }
      }
    }
    this.minDay = lo; this.maxDay = hi; this.lo = lo; this.hi = hi;
    this.undated = undated; this.showUndated = true;

    this._basemap();
    this._fit();

    // Markers: one shared divIcon per (type, side); popups and tooltips made on first use.
    var icons = {};
    function icon(t, s) {
      var key = t * 1000 + s;
      if (!icons[key]) {
        icons[key] = L.divIcon({
          className: 'geomap-icon', iconSize: [18, 18], iconAnchor: [9, 9], popupAnchor: [0, -8],
          tooltipAnchor: [9, 0], html: shapeSvg(D.shapes, D.types[t].shape, D.sides[s].colour, 18)
        });
      }
      return icons[key];
    }
    var markers = this.markers = new Array(n);
    this.vis = new Uint8Array(n);
    this.layers = D.layers.map(function (ly, j) {
      return {name: ly.name, count: ly.count, group: cfg.groups[j], idx: []};
    });
    var first = [];
    for (i = 0; i < n; i++) {
      var m = L.marker([C.lat[i] / 1e5, C.lon[i] / 1e5], {icon: icon(C.type[i], C.side[i])});
      var ly = this.layers[C.layer[i]];
      m._gm = i;
      markers[i] = m;
      ly.idx.push(i);
      if (this.map.hasLayer(ly.group)) {
        this.vis[i] = 1;
        first.push(m);
      }
    }
    this.timing.markers = performance.now();

    var cg = this.cluster = L.markerClusterGroup({
      chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45,
      chunkProgress: function (processed, total) {
        if (processed >= total) { setTimeout(function () { self._ready(); }, 0); }
      }
    });
    cg.on('click', function (e) { self._click(e.layer); });
    cg.on('mouseover', function (e) { self._hover(e.layer); });
    cg.addTo(this.map);
    this.layers.forEach(function (ly) {
      ly.group.on('add remove', function () { self._apply(); });
    });
    cg.addLayers(first, true);

    this._heat();
    this._legend();
    this._search();
    this._dateControl();
    this._tilesFallback();
    if (L.Control.FullScreen) {
      new L.Control.FullScreen({position: 'topleft', title: 'Full screen', titleCancel: 'Exit full screen'})
        .addTo(this.map);
    }
    if (!first.length) { setTimeout(function () { self._ready(); }, 0); }
  }

  GeoMap.prototype._ready = function () {
    if (this.ready) { return; }
    this.cluster.options.chunkedLoading = false;
    this.ready = true;
    this.readyAt = performance.now();
    this._refresh();
    var self = this;
    requestAnimationFrame(function () { self.paintedAt = performance.now(); });
    var ev;
    try { ev = new CustomEvent('geomap:ready', {detail: this.api}); } catch (err) { ev = null; }
    if (ev) { document.dispatchEvent(ev); }
  };

  GeoMap.prototype._basemap = function () {
    var map = this.map, cfg = this.cfg;
    var node = cfg.outlinesId && document.getElementById(cfg.outlinesId);
    if (!node) { return; }
    var O = JSON.parse(node.textContent);
    var pane = map.createPane('geomap-basemap');
    pane.style.zIndex = 150;  // under the tiles (200): seen only when no tiles load
    pane.style.pointerEvents = 'none';
    L.geoJSON(O.countries, {
      pane: 'geomap-basemap', interactive: false,
      style: {color: '#8a8a8a', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1}
    }).addTo(map);
    if (cfg.adminGroup) {
      L.geoJSON(O.admin1, {
        style: function (f) {
          var sy = f.properties && f.properties.country === 'SY';
          return {color: sy ? '#555' : '#999', weight: sy ? 1.2 : 0.7, dashArray: '4 3', fillOpacity: 0};
        },
        onEachFeature: function (f, layer) {
          var p = f.properties || {};
          layer.bindTooltip(el('span', null, (p.name || '') + (p.country ? ' (' + p.country + ')' : '')),
            {sticky: true, direction: 'top', opacity: 0.85});
        }
      }).addTo(cfg.adminGroup);
    }
    if (map.attributionControl) { map.attributionControl.addAttribution('Outlines: Natural Earth'); }
  };

  GeoMap.prototype._fit = function () {
    var C = this.data.cols, n = this.n;
    if (!n) { this.bounds = null; return; }
    var a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
    for (var i = 0; i < n; i++) {
      var y = C.lat[i] / 1e5, x = C.lon[i] / 1e5;
      if (y < a) { a = y; }
      if (x < b) { b = x; }
      if (y > c) { c = y; }
      if (x > d) { d = x; }
    }
    this.bounds = L.latLngBounds([a, b], [c, d]);
    this.fit();
  };

  GeoMap.prototype.fit = function () {
    if (this.bounds) { this.map.fitBounds(this.bounds, {padding: [30, 30], maxZoom: 11, animate: false}); }
  };

  // ---- popups and tooltips -------------------------------------------------

  GeoMap.prototype._click = function (m) {
    var self = this;
    if (!m || m._gm === undefined || m.getPopup()) { return; }
    m.bindPopup(function () { return self.popupNode(m._gm); },
      {maxWidth: 460, minWidth: 260, autoPanPadding: [40, 40], className: 'geomap-popup-wrap'});
    m.openPopup();
  };

  GeoMap.prototype._hover = function (m) {
    var self = this;
    if (!m || m._gm === undefined || m.getTooltip()) { return; }
    m.bindTooltip(function () { return el('span', null, self.tooltipText(m._gm)); },
      {direction: 'right', opacity: 0.9});
    m.openTooltip();
  };

  GeoMap.prototype.tooltipText = function (i) {
    var C = this.data.cols, S = this.data.strings;
    return [S[C.date[i]], S[C.sub[i]] || this.data.types[C.type[i]].name, S[C.loc[i]]]
      .filter(Boolean).join(' \u00b7 ');
  };

  GeoMap.prototype.popupNode = function (i) {
    var D = this.data, C = D.cols, S = D.strings;
    var root = el('div', 'geomap-popup');
    var type = D.types[C.type[i]].name, sub = S[C.sub[i]];
    root.appendChild(el('div', 'geomap-popup-title', sub || type));
    var table = el('table');
    function row(label, value) {
      var tr = el('tr');
      tr.appendChild(el('th', null, label));
      var td = el('td');
      if (value instanceof Node) { td.appendChild(value); } else { td.textContent = String(value); }
      tr.appendChild(td);
      table.appendChild(tr);
    }
    var when = S[C.date[i]], how = S[C.when[i]];  // how the date was found (payload.date_note)
    row('Date', when ? when + ' (' + how + ')' : how);
    row('Type', sub ? type + ' / ' + sub : type);
    function who(a, assoc) {
      return S[a] ? S[a] + (S[assoc] ? ' (with ' + S[assoc] + ')' : '') : '';
    }
    var actors = [who(C.a1[i], C.as1[i]), who(C.a2[i], C.as2[i])].filter(Boolean);
    row('Actors', actors.length ? actors.join(' vs ') : 'unknown');
    row('Fatalities', C.fat[i] === null || C.fat[i] === undefined ? 'unknown' : C.fat[i]);
    var gp = C.gp[i], place = S[C.loc[i]] + (S[C.adm[i]] ? ', ' + S[C.adm[i]] : '');
    row('Place', place + ' (' + (GEO_PRECISION[gp] || 'precision ' + gp) + ')');
    if (S[C.chk[i]]) { row('Check', S[C.chk[i]]); }  // what joining the record found wrong
    root.appendChild(table);

    var sentence = C.sent[i];
    if (sentence) {
      var quote = el('blockquote', 'geomap-sentence'), hl = S[C.hl[i]], at = hl ? sentence.indexOf(hl) : -1;
      if (at >= 0) {
        quote.appendChild(document.createTextNode(sentence.slice(0, at)));
        quote.appendChild(el('mark', null, hl));
        quote.appendChild(document.createTextNode(sentence.slice(at + hl.length)));
      } else {
        quote.textContent = sentence;
      }
      root.appendChild(quote);
    }

    var srcs = C.src[i], list = el('ul', 'geomap-sources');
    function source(title, outlet, url, published, id) {
      var li = el('li'), href = safeUrl(url);
      var name = title || id || url || 'source';
      if (href) {
        var a = el('a', null, name);
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        li.appendChild(a);
      } else {
        li.appendChild(el('span', null, name));
      }
      var extra = [outlet, published].filter(Boolean).join(', ');
      if (extra) { li.appendChild(el('span', 'geomap-muted', ' \u2014 ' + extra)); }
      list.appendChild(li);
    }
    var outlets = false;
    srcs.forEach(function (k) {
      var a = D.articles[k];
      outlets = outlets || !!a[2];
      source(a[1], a[2], a[3], a[4], a[0]);
    });
    if (!srcs.length && (S[C.title[i]] || S[C.url[i]])) {
      outlets = !!S[C.srcname[i]];
      source(S[C.title[i]], S[C.srcname[i]], S[C.url[i]], '', '');
    }
    // a record's file and line, with its own source (an ACLED row's "source") when not shown above
    var named = srcs.length || S[C.title[i]] || S[C.url[i]];
    C.srcx[i].forEach(function (k, j) { source('', j || named ? '' : S[C.srcname[i]], '', '', S[k]); });
    if (list.childNodes.length) {
      root.appendChild(el('div', 'geomap-popup-sub', list.childNodes.length > 1
        ? 'Sources (' + list.childNodes.length + ')' : 'Source'));
      root.appendChild(list);
    }
    var alt = C.alt[i];
    if (alt.length) {
      root.appendChild(el('div', 'geomap-popup-sub', 'Other accounts of this incident'));
      var others = el('ul', 'geomap-sources');
      alt.forEach(function (x) {
        var li = el('li'), a = x[0] >= 0 ? D.articles[x[0]] : null;
        li.appendChild(el('span', 'geomap-muted', (a ? (a[1] || a[0]) + (a[2] ? ', ' + a[2] : '') : S[x[1]]) + ': '));
        li.appendChild(document.createTextNode(x[2] || ''));
        others.appendChild(li);
      });
      root.appendChild(others);
    }
    if (!outlets && S[C.srcname[i]]) {
      root.appendChild(el('div', 'geomap-muted', 'Reported by: ' + S[C.srcname[i]]));
    }
    root.appendChild(el('div', 'geomap-muted geomap-id', C.id[i]));
    return root;
  };

  // ---- the date range ------------------------------------------------------

  GeoMap.prototype.setRange = function (a, b, undated) {
    if (typeof a === 'string') { a = dayOf(a); }
    if (typeof b === 'string') { b = dayOf(b); }
    if (a === null || a === undefined || isNaN(a)) { a = this.minDay; }
    if (b === null || b === undefined || isNaN(b)) { b = this.maxDay; }
    if (a > b) { var t = a; a = b; b = t; }
    this.lo = Math.max(a, this.minDay);
    this.hi = Math.min(b, this.maxDay);
    if (undated !== undefined) { this.showUndated = !!undated; }
    this._apply();
    this._syncInputs();
  };

  GeoMap.prototype._apply = function () {
    // A marker belongs in the cluster group while its layer is ticked and its date is in range.
    var lo = this.lo, hi = this.hi, und = this.showUndated, day = this.day, vis = this.vis,
        markers = this.markers, map = this.map, add = [], rem = [];
    this.layers.forEach(function (ly) {
      var on = map.hasLayer(ly.group);
      for (var j = 0; j < ly.idx.length; j++) {
        var i = ly.idx[j], d = day[i];
        var want = on && (d !== d ? und : (d >= lo && d <= hi));
        if (want !== (vis[i] === 1)) {
          (want ? add : rem).push(markers[i]);
          vis[i] = want ? 1 : 0;
        }
      }
    });
    if (rem.length) { this.cluster.removeLayers(rem); }
    if (add.length) { this.cluster.addLayers(add, true); }
    this._refresh();
  };

  GeoMap.prototype.visibleCount = function () {
    var vis = this.vis, total = 0;
    for (var i = 0; i < vis.length; i++) { total += vis[i]; }
    return total;
  };

  GeoMap.prototype._refresh = function () {
    if (this.countNode) {
      this.countNode.textContent = this.visibleCount() + ' of ' + this.n + ' events shown';
    }
    this._updateHeat();
  };

  GeoMap.prototype._dateControl = function () {
    var self = this, dated = this.n - this.undated;
    if (!dated) { return; }
    var ctl = L.control({position: 'bottomleft'});
    ctl.onAdd = function () {
      var box = el('div', 'geomap-ctl geomap-dates');
      var top = el('div', 'geomap-row');
      var play = self.playButton = el('button', 'geomap-play', '\u25b6');
      play.type = 'button';
      play.title = 'Play: move the date window forward';
      play.setAttribute('aria-label', 'Play');
      var from = self.fromInput = el('input');
      var to = self.toInput = el('input');
      [from, to].forEach(function (inp, k) {
        inp.type = 'date';
        inp.min = isoOf(self.minDay);
        inp.max = isoOf(self.maxDay);
        inp.setAttribute('aria-label', k ? 'Last day' : 'First day');
        inp.addEventListener('change', function () {
          self.stop();
          self.setRange(from.value || self.minDay, to.value || self.maxDay);
        });
      });
      var reset = el('button', 'geomap-reset', 'All dates');
      reset.type = 'button';
      reset.addEventListener('click', function () { self.stop(); self.setRange(self.minDay, self.maxDay); });
      play.addEventListener('click', function () { self.toggleplay(); });
      top.appendChild(play);
      top.appendChild(from);
      top.appendChild(el('span', null, '\u2013'));
      top.appendChild(to);
      top.appendChild(reset);
      box.appendChild(top);

      var slider = el('div', 'geomap-slider');
      var span = Math.max(0, self.maxDay - self.minDay);
      var a = self.loSlider = el('input'), b = self.hiSlider = el('input');
      [a, b].forEach(function (inp, k) {
        inp.type = 'range';
        inp.min = 0;
        inp.max = span;
        inp.step = 1;
        inp.setAttribute('aria-label', k ? 'Range end' : 'Range start');
        inp.addEventListener('input', function () {
          self.stop();
          var x = +a.value, y = +b.value;
          if (x > y) { if (k) { x = y; a.value = x; } else { y = x; b.value = y; } }
          self.setRange(self.minDay + x, self.minDay + y);
        });
        slider.appendChild(inp);
      });
      box.appendChild(slider);

      var bottom = el('div', 'geomap-row geomap-muted');
      self.countNode = el('span', 'geomap-count');
      bottom.appendChild(self.countNode);
      if (self.undated) {
        var lab = el('label', 'geomap-undated'), cb = el('input');
        cb.type = 'checkbox';
        cb.checked = true;
        cb.addEventListener('change', function () { self.setRange(self.lo, self.hi, cb.checked); });
        lab.appendChild(cb);
        lab.appendChild(document.createTextNode(' ' + self.undated + ' without a known year'));
        bottom.appendChild(lab);
        self.undatedBox = cb;
      }
      box.appendChild(bottom);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    ctl.addTo(this.map);
    this._syncInputs();
  };

  GeoMap.prototype._syncInputs = function () {
    if (!this.fromInput) { return; }
    this.fromInput.value = isoOf(this.lo);
    this.toInput.value = isoOf(this.hi);
    this.loSlider.value = this.lo - this.minDay;
    this.hiSlider.value = this.hi - this.minDay;
    if (this.undatedBox) { this.undatedBox.checked = this.showUndated; }
  };

  GeoMap.prototype.toggleplay = function () {
    if (this.timer) { this.stop(); return; }
    var self = this, span = this.maxDay - this.minDay;
    if (span <= 0) { return; }
    var width = this.hi - this.lo;
    if (width >= span) { width = Math.max(6, Math.round(span / 8)); }
    var step = Math.max(1, Math.round(span / 60));
    this.setRange(this.minDay, this.minDay + width);
    this.playButton.textContent = '\u275a\u275a';
    this.playButton.setAttribute('aria-label', 'Pause');
    this.timer = setInterval(function () {
      if (self.hi >= self.maxDay) { self.stop(); return; }
      self.setRange(self.lo + step, Math.min(self.maxDay, self.hi + step));
    }, 450);
  };

  GeoMap.prototype.stop = function () {
    if (!this.timer) { return; }
    clearInterval(this.timer);
    this.timer = null;
    this.playButton.textContent = '\u25b6';
    this.playButton.setAttribute('aria-label', 'Play');
  };

  // ---- heat, legend, search, tiles -----------------------------------------

  GeoMap.prototype._heat = function () {
    var self = this;
    if (!this.cfg.heatGroup || !L.heatLayer) { return; }
    this.heat = L.heatLayer([], {radius: 18, blur: 16, maxZoom: 10, minOpacity: 0.3});
    this.cfg.heatGroup.addLayer(this.heat);
    this.cfg.heatGroup.on('add', function () { self._updateHeat(); });
  };

  GeoMap.prototype._updateHeat = function () {
    if (!this.heat || !this.map.hasLayer(this.cfg.heatGroup)) { return; }
    var C = this.data.cols, vis = this.vis, pts = [];
    for (var i = 0; i < vis.length; i++) {
      if (vis[i]) { pts.push([C.lat[i] / 1e5, C.lon[i] / 1e5]); }
    }
    this.heat.setLatLngs(pts);
  };

  GeoMap.prototype._legend = function () {
    var D = this.data, map = this.map;
    if (!D.n) { return; }
    var ctl = L.control({position: 'bottomright'});
    ctl.onAdd = function () {
      var box = el('details', 'geomap-ctl geomap-legend');
      box.open = map.getSize().y >= 640;  // closed on small maps (a report's iframe), open on a page
      box.appendChild(el('summary', null, 'Legend'));
      box.appendChild(el('div', 'geomap-legend-head', 'Event type'));
      D.types.forEach(function (t) {
        var row = el('div', 'geomap-legend-row'), sw = el('span', 'geomap-legend-icon');
        sw.innerHTML = shapeSvg(D.shapes, t.shape, '#555555', 14);
        row.appendChild(sw);
        row.appendChild(el('span', null, t.name));
        box.appendChild(row);
      });
      box.appendChild(el('div', 'geomap-legend-head', 'Side of actor 1'));
      D.sides.forEach(function (s) {
        var row = el('div', 'geomap-legend-row'), sw = el('span', 'geomap-swatch');
        sw.style.background = colour(s.colour);
        row.appendChild(sw);
        row.appendChild(el('span', null, s.label));
        box.appendChild(row);
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    ctl.addTo(this.map);
  };

  GeoMap.prototype._search = function () {
    var self = this, D = this.data, C = D.cols, S = D.strings;
    if (!D.n) { return; }
    var byName = {};
    for (var i = 0; i < D.n; i++) {
      [C.loc[i], C.adm[i]].forEach(function (k) {
        var name = S[k];
        if (name) { (byName[name.toLowerCase()] = byName[name.toLowerCase()] || {name: name, idx: []}).idx.push(i); }
      });
    }
    var ctl = L.control({position: 'topleft'});
    ctl.onAdd = function () {
      var box = el('div', 'geomap-ctl geomap-search');
      var listId = 'geomap-places-' + self.cfg.dataId;
      var input = el('input');
      input.type = 'search';
      input.placeholder = 'Find a place\u2026';
      input.setAttribute('aria-label', 'Find a place');
      input.setAttribute('list', listId);
      var list = el('datalist');
      list.id = listId;
      Object.keys(byName).sort().forEach(function (k) {
        var opt = el('option');
        opt.value = byName[k].name;
        list.appendChild(opt);
      });
      var status = el('div', 'geomap-muted');
      function go() {
        var q = input.value.trim().toLowerCase(), hit = byName[q];
        if (!q) { status.textContent = ''; return; }
        if (!hit) {
          var keys = Object.keys(byName).filter(function (k) { return k.indexOf(q) >= 0; });
          if (keys.length) {
            hit = {name: input.value, idx: []};
            keys.forEach(function (k) { hit.idx = hit.idx.concat(byName[k].idx); });
          }
        }
        if (!hit) { status.textContent = 'No event at a place named so'; return; }
        var pts = hit.idx.map(function (j) { return [C.lat[j] / 1e5, C.lon[j] / 1e5]; });
        self.map.fitBounds(L.latLngBounds(pts), {padding: [40, 40], maxZoom: 12});
        status.textContent = hit.idx.length + (hit.idx.length === 1 ? ' event' : ' events');
      }
      input.addEventListener('change', go);
      input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { go(); } });
      box.appendChild(input);
      box.appendChild(list);
      box.appendChild(status);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      self.searchInput = input;
      return box;
    };
    ctl.addTo(this.map);
  };

  GeoMap.prototype._tilesFallback = function () {
    var self = this, tiles = this.cfg.tiles;
    if (!tiles) { return; }
    var failed = false;
    tiles.on('tileerror', function () {
      if (failed) { return; }
      failed = true;
      // No network: stop asking for tiles and show the bundled outlines instead.
      self.map.removeLayer(tiles);
      if (self.cfg.offlineBase) { self.map.addLayer(self.cfg.offlineBase); }
      var note = L.control({position: 'topright'});
      note.onAdd = function () {
        return el('div', 'geomap-ctl geomap-note', 'Map tiles could not be loaded: showing the bundled outlines.');
      };
      note.addTo(self.map);
      setTimeout(function () { note.remove(); }, 8000);
    });
  };

  // ---- the public hook -----------------------------------------------------

  GeoMap.prototype.openPopup = function (id, done) {
    var i = this.data.cols.id.indexOf(id), self = this;
    if (i < 0) { return false; }
    var m = this.markers[i], ly = this.layers[this.data.cols.layer[i]];
    if (!this.map.hasLayer(ly.group)) { this.map.addLayer(ly.group); }
    if (!this.vis[i]) { this.setRange(this.minDay, this.maxDay, true); }
    this.cluster.zoomToShowLayer(m, function () {
      self._click(m);
      if (!m.isPopupOpen()) { m.openPopup(); }
      if (done) { done(); }
    });
    return true;
  };

  GeoMap.prototype.showPopup = function (id) {
    // The popup of an event where it is, at the current zoom (even inside a cluster).
    var i = this.data.cols.id.indexOf(id);
    if (i < 0) { return false; }
    L.popup({maxWidth: 460, minWidth: 260, className: 'geomap-popup-wrap'})
      .setLatLng(this.markers[i].getLatLng()).setContent(this.popupNode(i)).openOn(this.map);
    return true;
  };

  GeoMap.prototype.renderedCount = function () {
    // What a reader sees: markers drawn alone plus the counts written on clusters.
    var box = this.map.getContainer(), total = 0;
    total += box.querySelectorAll('.leaflet-marker-pane .geomap-icon').length;
    box.querySelectorAll('.leaflet-marker-pane .marker-cluster').forEach(function (c) {
      total += parseInt(c.textContent, 10) || 0;
    });
    return total;
  };

  function api(g) {
    return {
      get ready() { return g.ready; },
      // milliseconds since the page began loading: markers made, and first frame drawn after
      get readyAt() { return g.readyAt; },
      get paintedAt() { return g.paintedAt; },
      get timing() { return g.timing; },
      map: g.map,
      markers: function () { return g.data.cols.id.slice(); },
      visibleCount: function () { return g.visibleCount(); },
      renderedCount: function () { return g.renderedCount(); },
      setRange: function (a, b, undated) { g.stop(); g.setRange(a, b, undated); return g.range(); },
      range: function () { return g.range(); },
      layers: function () {
        return g.layers.map(function (ly) {
          var shown = g.map.hasLayer(ly.group), visible = 0;
          ly.idx.forEach(function (i) { visible += g.vis[i]; });
          return {name: ly.name, count: ly.count, shown: shown, visible: shown ? visible : 0};
        });
      },
      setLayer: function (name, on) {
        g.layers.forEach(function (ly) {
          if (ly.name === name) { if (on) { g.map.addLayer(ly.group); } else { g.map.removeLayer(ly.group); } }
        });
      },
      openPopup: function (id, done) { return g.openPopup(id, done); },
      showPopup: function (id) { return g.showPopup(id); },
      fit: function () { g.fit(); },
      play: function () { g.toggleplay(); }
    };
  }

  GeoMap.prototype.range = function () {
    return isFinite(this.lo) ? [isoOf(this.lo), isoOf(this.hi)] : [null, null];
  };

  function decode(node) {
    // Large maps carry their events gzipped and base64-encoded (see geomap.render.map).
    return fetch('data:application/gzip;base64,' + node.textContent.trim()).then(function (r) {
      return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).text();
    }).then(JSON.parse);
  }

  function start(cfg, data) {
    var g = new GeoMap(cfg, data);
    g.api = api(g);
    window.geomaps.push(g.api);
    window.geomap = g.api;
    return g.api;
  }

  window.geomapInit = function (cfg) {
    window.geomaps = window.geomaps || [];
    var node = document.getElementById(cfg.dataId);
    if (node.getAttribute('data-encoding') === 'gzip+base64') {
      window.geomap = {ready: false};
      decode(node).then(function (data) { start(cfg, data); }, function (err) {
        console.error('geomap: the event data cannot be read', err);
      });
      return null;
    }
    return start(cfg, JSON.parse(node.textContent));
  };
}());
