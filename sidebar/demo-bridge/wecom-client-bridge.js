/*
 * Demo mode only: plays the WeCom desktop client for the sidebar page when it runs inside the demo
 * console (/demo/). The server serves this file and puts it first in the sidebar's <head> only in demo
 * mode, so it runs before @wecom/jssdk, which reads the user agent and looks for WeixinJSBridge once,
 * at import.
 *
 * Plain browser JS on purpose: no imports, no bundling. The names shared with the demo console
 * (window.__zhikeDemo, the 'zhike-demo:send-chat-message' post) are declared in
 * sidebar/src/features/demo/demo-bridge-contract.ts; change both together.
 */
(function () {
  'use strict';

  // Only inside an iframe of the same-origin demo console; anywhere else (a real WeCom client, a plain
  // browser tab, a foreign parent page) do nothing at all.
  var demoConsole;
  try {
    if (window.parent === window) return;
    if (window.parent.location.origin !== window.location.origin) return;
    if (window.parent.location.pathname.indexOf('/demo') !== 0) return;
    demoConsole = window.parent;
  } catch (crossOrigin) {
    return; // reading a cross-origin parent's location throws: not our console
  }

  var WECOM_VERSION = '4.1.30';
  var realUserAgent = navigator.userAgent;
  Object.defineProperty(navigator, 'userAgent', {
    configurable: true,
    get: function () {
      return realUserAgent + ' wxwork/' + WECOM_VERSION + ' MicroMessenger/7.0.1 Language/zh ColorScheme/Light';
    },
  });

  // Every call, with its parameters, for tests to read (agentConfig carries the signature).
  var log = (window.__zhikeBridgeLog = []);
  var agentConfigured = false;

  function demoState() {
    var state = demoConsole.__zhikeDemo;
    return state && typeof state === 'object' ? state : { memberUserid: null, externalUserId: null };
  }

  // Drops functions (success/fail callbacks) so the params can be logged and posted.
  function plain(value) {
    try {
      return JSON.parse(JSON.stringify(value || {}));
    } catch (notSerialisable) {
      return {};
    }
  }

  function withoutVerifyParams(params) {
    var copy = {};
    Object.keys(params).forEach(function (key) {
      if (key !== 'appId' && key.indexOf('verify') !== 0) copy[key] = params[key];
    });
    return copy;
  }

  function ok(name, extra) {
    var result = { err_msg: name + ':ok' };
    for (var key in extra) result[key] = extra[key];
    return result;
  }

  function fail(name, reason) {
    return { err_msg: name + ':fail ' + reason };
  }

  function isHttpUrl(value) {
    return typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value);
  }

  function filled(value) {
    return typeof value === 'string' && value.length > 0;
  }

  // What the real client refuses (protocol notes A7): a message it cannot send fails here too, so a server
  // that prepares a bad one is caught in the demo rather than in front of a customer. Returns the keyword.
  function invalidChatMessage(params) {
    var body = params[params.msgtype];
    switch (params.msgtype) {
      case 'text':
        return body && filled(body.content) ? null : 'invalid text content';
      case 'image':
      case 'video':
      case 'file':
        return body && filled(body.mediaid) ? null : 'invalid mediaid';
      case 'news':
        if (!body || !isHttpUrl(body.link)) return 'invalid link';
        if (body.imgUrl && !isHttpUrl(body.imgUrl)) return 'invalid imgUrl';
        return null;
      case 'miniprogram':
        if (!body || !filled(body.appid)) return 'invalid appid';
        if (!filled(body.title)) return 'invalid title';
        if (!isHttpUrl(body.imgUrl)) return 'invalid imgUrl';
        // WeCom wants the page with its .html suffix, query after it: pages/index/index.html?t=…
        if (!filled(body.page) || !/\.html$/.test(body.page.split('?')[0])) return 'invalid page';
        return null;
      default:
        return 'invalid msgtype';
    }
  }

  // The customer-contact APIs need the app identity, as in the real client: agentConfig must succeed first.
  // Like the real client, it checks the signature with WeCom (here the sandbox, which issued the app ticket)
  // for this page's URL without its #fragment, so a wrong signature fails here as it would in WeCom.
  var handlers = {
    agentConfig: function (params) {
      var missing = ['corpid', 'agentid', 'timestamp', 'nonceStr', 'signature'].filter(function (key) {
        return !params[key];
      });
      if (missing.length) return fail('agentConfig', 'invalid signature (missing ' + missing.join(', ') + ')');
      var check = {
        corpid: params.corpid,
        agentid: params.agentid,
        timestamp: params.timestamp,
        nonceStr: params.nonceStr,
        signature: params.signature,
        url: window.location.href.split('#')[0],
      };
      return fetch('/sandbox/demo/verify-agent-config', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(check) })
        .then(function (res) {
          return res.json();
        })
        .then(function (verdict) {
          if (!verdict.ok) return fail('agentConfig', verdict.errmsg || 'invalid signature');
          agentConfigured = true;
          var checkResult = {};
          (params.jsApiList || []).forEach(function (api) {
            checkResult[api] = true;
          });
          return ok('agentConfig', { checkResult: checkResult });
        })
        .catch(function () {
          return fail('agentConfig', 'network error');
        });
    },
    getContext: function () {
      if (!agentConfigured) return fail('getContext', 'no permission');
      return ok('getContext', { entry: demoState().externalUserId ? 'single_chat_tools' : 'normal' });
    },
    getCurExternalContact: function () {
      if (!agentConfigured) return fail('getCurExternalContact', 'no permission');
      var externalUserId = demoState().externalUserId;
      if (!externalUserId) return fail('getCurExternalContact', 'without context of external contact');
      return ok('getCurExternalContact', { userId: externalUserId });
    },
    sendChatMessage: function (params) {
      if (!agentConfigured) return fail('sendChatMessage', 'no permission');
      var externalUserId = demoState().externalUserId;
      if (!externalUserId) return fail('sendChatMessage', 'without context of external contact');
      var invalid = invalidChatMessage(params);
      if (invalid) return fail('sendChatMessage', invalid);
      demoConsole.postMessage(
        { type: 'zhike-demo:send-chat-message', externalUserId: externalUserId, message: withoutVerifyParams(params) },
        window.location.origin,
      );
      return ok('sendChatMessage');
    },
  };

  window.WeixinJSBridge = {
    invoke: function (name, params, callback) {
      var received = plain(params);
      log.push({ name: name, params: received, at: Date.now() });
      var handler = handlers[name];
      var result = handler ? handler(received) : fail(name, 'not supported in the demo client');
      // The real client answers asynchronously; so does this one.
      Promise.resolve(result).then(function (answer) {
        if (typeof callback === 'function') callback(answer);
      });
    },
    on: function () {},
  };
  document.dispatchEvent(new Event('WeixinJSBridgeReady'));
})();
