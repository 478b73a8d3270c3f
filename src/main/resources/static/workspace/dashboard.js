// The dashboard's charts (docs/workspace.md): each <div data-chart="id"> is drawn with Apache ECharts from the
// JSON in <script type="application/json" id="chart-data-id">. The same figures are in the table that follows
// each chart, with its summary; the chart is hidden from assistive technology. A bar with a link opens the
// cost changes behind it. No inline script: this file is loaded by the page.
(function () {
  'use strict';

  // GOV.UK colours, distinguishable in print and for the common colour-vision deficiencies.
  var PALETTE = ['#1d70b8', '#f47738', '#85994b', '#4c2c92', '#d4351c', '#505a5f', '#912b88', '#28a197'];
  var charts = [];

  function number(value) {
    return value === null || value === undefined ? '' : Number(value).toLocaleString('en-GB');
  }

  function option(spec) {
    var series = [];
    spec.series.forEach(function (s, index) {
      var data = s.data.map(function (v) { return v === null ? null : Number(v); });
      if (s.type === 'target') {
        // A target or budget: a short thick line across the bar.
        series.push({
          name: s.name, type: 'scatter', data: data, symbol: 'rect', symbolSize: [34, 4], z: 10,
          itemStyle: { color: '#0b0c0c' }
        });
      } else if (s.type === 'profile') {
        series.push({ name: s.name, type: 'line', data: data, symbol: 'none',
          lineStyle: { type: 'dashed', width: 2, color: '#0b0c0c' }, itemStyle: { color: '#0b0c0c' } });
      } else {
        series.push({
          name: s.name, type: s.type === 'line' ? 'line' : 'bar', stack: s.stack || undefined, data: data,
          itemStyle: { color: PALETTE[index % PALETTE.length] }, emphasis: { focus: 'series' },
          cursor: s.links ? 'pointer' : 'default'
        });
      }
    });
    return {
      animation: false,
      textStyle: { fontFamily: 'arial, sans-serif', color: '#0b0c0c' },
      grid: { left: 16, right: 24, top: 56, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'item', renderMode: 'richText',
        valueFormatter: function (v) { return number(v); } },
      xAxis: { type: 'category', data: spec.categories,
        axisLabel: spec.categories.length > 6
          ? { interval: 0, rotate: 30, fontSize: 12 }
          : { interval: 0, fontSize: 12, width: 120, overflow: 'break', lineHeight: 14 } },
      yAxis: { type: 'value', name: spec.valueAxis, nameTextStyle: { align: 'left' },
        axisLabel: { formatter: function (v) { return number(v); } } },
      series: series
    };
  }

  function draw(element) {
    var id = element.getAttribute('data-chart');
    var source = document.getElementById('chart-data-' + id);
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var spec = JSON.parse(source.textContent);
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option(spec));
    chart.on('click', function (params) {
      var s = spec.series[params.seriesIndex];
      if (s && s.links && s.links[params.dataIndex]) {
        window.location.href = s.links[params.dataIndex];
      }
    });
    charts.push(chart);
    element.setAttribute('data-drawn', 'true');
  }

  function drawAll() {
    document.querySelectorAll('[data-chart]').forEach(draw);
    document.body.setAttribute('data-charts-drawn-at', String(Math.round(performance.now())));
    document.body.setAttribute('data-charts-drawn', String(charts.length));
  }

  function resize() {
    charts.forEach(function (chart) { chart.resize(); });
  }

  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
