/**
 * The one stylesheet of every overlay shadow root. `!important` rules of a shadow tree beat every page rule
 * (inline ones included) for its host, so `:host { all: initial !important }` keeps page CSS such as
 * `* { all: unset }` off the host; custom properties (untouched by `all`) carry the tooltip position.
 * Written compactly (one rule a line): the string ships as is in every page's content script.
 */
export const OVERLAY_CSS = `
:host{all:initial !important;display:block !important;position:relative !important;z-index:2147483646 !important;max-width:100% !important}
:host([data-nianbao="tooltip"]){position:absolute !important;z-index:2147483647 !important;top:var(--nl-top,0px) !important;left:var(--nl-left,0px) !important}
:host([hidden]){display:none !important}
*{box-sizing:border-box}
.nl{font:13px/1.55 system-ui,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;color:#202124;text-align:left;letter-spacing:normal}
.panel{margin:8px 0;padding:10px 14px;background:#fff;border:1px solid #dadce0;border-left:5px solid var(--accent);border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.head{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px}
.brand{font-weight:600;color:#5f6368}
.part{color:#5f6368}
.verdict{font-weight:700;font-size:15px;color:var(--accent)}
.meta,.counts{color:#3c4043}
.counts b{font-variant-numeric:tabular-nums}
.fails{margin:6px 0 0;padding:0 0 0 18px}
.fails li{margin:2px 0}
.fails .v{color:#5f6368;white-space:nowrap}
.more{color:#5f6368;margin-top:2px}
button{font:inherit;cursor:pointer;border:1px solid #d93025;background:#fff;color:#d93025;border-radius:4px;padding:1px 10px;margin-left:auto}
button:hover{background:#fce8e6}
button:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}
.kbd{color:#80868b;font-size:12px}
.badge{display:inline-flex;align-items:center;gap:6px;margin:6px 0 4px;padding:2px 10px;border-radius:999px;font-weight:600;color:#fff;background:var(--accent)}
.tip{width:max-content;max-width:520px;padding:8px 10px;background:#202124;color:#fff;border-radius:6px;box-shadow:0 4px 12px rgba(0,0,0,.3)}
.tip .eq{font-weight:600}
.tip .v{color:#fdd663;font-variant-numeric:tabular-nums}
.tip .item+.item{margin-top:6px;padding-top:6px;border-top:1px solid #5f6368}
.s-pass{--accent:#188038}
.s-fail{--accent:#d93025}
.s-partial{--accent:#b06000}
.s-no-tables{--accent:#5f6368}
`;
