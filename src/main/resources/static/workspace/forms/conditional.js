/*
 * Progressive enhancement of the workspace's forms (templates/workspace/forms/fields.html): shows and
 * hides each conditional component as the user answers, by the same condition the server evaluates
 * (Condition.tree() in org.carereviews.workspace.forms). Without this script every conditional
 * component is shown, and the server leaves out what its condition hides when the form is posted.
 */
(function () {
  'use strict';

  function text(group) {
    var input = group.querySelector('input, textarea');
    return input ? input.value.trim() : null;
  }

  function read(group) {
    var kind = group.getAttribute('data-app-kind');
    if (kind === 'checkbox') {
      var box = group.querySelector('input[type=checkbox]');
      return !!(box && box.checked);
    }
    if (kind === 'checklist') {
      return Array.prototype.filter.call(group.querySelectorAll('input[type=checkbox]'), function (input) {
        return input.checked;
      }).map(function (input) { return input.value; });
    }
    if (kind === 'choice') {
      var select = group.querySelector('select');
      if (select) {
        return select.value === '' ? null : select.value;
      }
      var radio = group.querySelector('input[type=radio]:checked');
      return radio ? radio.value : null;
    }
    if (kind === 'number') {
      var typed = (text(group) || '').replace(/[\s,£]/g, '');
      return typed === '' || isNaN(Number(typed)) ? null : Number(typed);
    }
    if (kind === 'date') {
      var parts = ['day', 'month', 'year'].map(function (part) {
        var input = group.querySelector('input[name$="-' + part + '"]');
        return input ? input.value.trim() : '';
      });
      if (parts.some(function (part) { return !/^\d+$/.test(part); })) {
        return null;
      }
      var pad = function (n, width) { return ('0000' + n).slice(-width); };
      return pad(parts[2], 4) + '-' + pad(parts[1], 2) + '-' + pad(parts[0], 2);
    }
    return text(group);
  }

  function equal(a, b) {
    if (a === null || b === null) {
      return a === null && b === null;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      return a.length === b.length && a.every(function (item, i) { return equal(item, b[i]) === true; });
    }
    return typeof a === typeof b ? a === b : null;
  }

  function evaluate(node, lookup) {
    var op = node[0];
    var rest = node.slice(1);
    switch (op) {
      case 'lit': return rest[0] === undefined ? null : rest[0];
      case 'name': var value = lookup(rest[0]); return value === undefined ? null : value;
      case 'list': return rest.map(function (item) { return evaluate(item, lookup); });
      case 'not': var v = evaluate(rest[0], lookup); return typeof v === 'boolean' ? !v : null;
      case 'contains':
        var list = evaluate(rest[0], lookup);
        var wanted = evaluate(rest[1], lookup);
        return Array.isArray(list) ? list.some(function (item) { return equal(item, wanted) === true; }) : null;
      case 'and':
      case 'or':
        var unknown = false;
        for (var i = 0; i < rest.length; i++) {
          var part = evaluate(rest[i], lookup);
          if (part === (op === 'or')) {
            return op === 'or';
          }
          if (typeof part !== 'boolean') {
            unknown = true;
          }
        }
        return unknown ? null : op === 'and';
      default:
        var left = evaluate(rest[0], lookup);
        var right = evaluate(rest[1], lookup);
        if (op === '=') { return equal(left, right); }
        if (op === '!=') { var eq = equal(left, right); return eq === null ? null : !eq; }
        if (left === null || right === null || typeof left !== typeof right) { return null; }
        if (op === '<') { return left < right; }
        if (op === '<=') { return left <= right; }
        if (op === '>') { return left > right; }
        return left >= right;
    }
  }

  function refresh(container) {
    var caseValues = JSON.parse(container.getAttribute('data-app-values') || '{}');
    var groups = {};
    container.querySelectorAll('[data-app-key]').forEach(function (group) {
      groups[group.getAttribute('data-app-key')] = group;
    });
    var lookup = function (name) {
      return groups[name] ? read(groups[name]) : caseValues[name];
    };
    container.querySelectorAll('[data-app-hide]').forEach(function (component) {
      component.hidden = evaluate(JSON.parse(component.getAttribute('data-app-hide')), lookup) === true;
    });
  }

  document.querySelectorAll('.app-form-fields').forEach(function (container) {
    refresh(container);
    container.addEventListener('input', function () { refresh(container); });
    container.addEventListener('change', function () { refresh(container); });
  });
})();
