namespace Chokepoint.Reporting.Html;

/// <summary>The page's inline style sheet: system fonts only, nothing fetched, and a print layout.</summary>
internal static class HtmlStyles
{
    /// <summary>CSS for the report page. Contains no <c>&lt;</c> or <c>&amp;</c>, so it is also valid XML text.</summary>
    public const string Css = """
        :root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9dee4; --red: #c0392b; --bg-soft: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; font-size: 15px; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 1.8em; margin: 0 0 4px; }
        h2 { font-size: 1.3em; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.08em; margin: 22px 0 8px; }
        .meta { color: var(--muted); margin: 0 0 14px; }
        .grade { display: flex; gap: 16px; align-items: flex-start; padding: 14px 16px; border-radius: 8px; background: var(--bg-soft); border: 1px solid var(--line); }
        .grade .letter { flex: none; width: 56px; height: 56px; border-radius: 8px; font-size: 34px; font-weight: 700; color: #fff; display: flex; align-items: center; justify-content: center; }
        .grade p { margin: 0; }
        .grade-A .letter { background: #2e7d32; } .grade-B .letter { background: #558b2f; } .grade-C .letter { background: #b7791f; }
        .grade-D .letter { background: #d35400; } .grade-E .letter { background: #b03a2e; } .grade-F .letter { background: #922b21; }
        .grade-none .letter { background: #7b8794; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 0.92em; }
        th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: var(--bg-soft); font-weight: 600; overflow-wrap: normal; }
        td.nowrap { white-space: nowrap; }
        tr.single td.redundancy { color: var(--red); font-weight: 600; }
        tr.upstream td { font-size: 0.92em; background: var(--bg-soft); }
        tr.upstream td:first-child { padding-left: 1.5em; }
        .severity { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; font-weight: 600; color: #fff; background: #7b8794; }
        .severity-critical { background: #922b21; } .severity-high { background: #d35400; } .severity-medium { background: #b7791f; } .severity-low { background: #558b2f; }
        ul.evidence { list-style: none; margin: 0; padding: 0; }
        ul.evidence li { margin: 0 0 3px; }
        .signal { display: inline-block; min-width: 3.2em; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; color: var(--muted); }
        .value { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
        .source { display: block; color: var(--muted); font-size: 0.82em; }
        .unobserved { margin: 4px 0 12px; padding-left: 20px; color: #7c4a03; }
        .empty { color: var(--muted); font-style: italic; }
        .inherent { color: var(--muted); font-size: 0.9em; }
        figure { margin: 8px 0 0; overflow-x: auto; }
        figure svg { max-width: 100%; height: auto; display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        svg a:hover rect, svg a:focus rect { stroke-width: 3; }
        figcaption { color: var(--muted); font-size: 0.9em; margin-top: 6px; }
        details { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; background: #fff; }
        summary { cursor: pointer; font-weight: 600; }
        .history { margin: 6px 0 0; }
        nav.toc { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; margin: 12px 0 24px; }
        nav.toc ol { margin: 6px 0; }
        article.report + article.report { margin-top: 48px; padding-top: 24px; border-top: 3px solid var(--line); }
        .muted { color: var(--muted); }
        .banner { border: 2px solid #b3261e; background: #fdecea; color: #5f1410; padding: .6em .9em; margin: .5em 0 .7em; border-radius: 6px; font-size: 1.02em; }
        .banner.withheld, .banner.status-budget-cut, .banner.status-resolver-silent { border-color: #b7791f; background: #fff6e0; color: #5c3d00; }
        .banner-detail { font-size: 0.9em; margin: 4px 0 0; }
        ul.banner-detail { padding-left: 20px; }
        section.first-steps { border: 2px solid #4a6f99; border-radius: 8px; padding: 4px 16px 8px; margin: 18px 0 0; background: #f3f7fc; }
        section.first-steps h2, section.first-steps h3 { border-bottom: none; margin-top: 10px; }
        ol.first-steps { margin: 0 0 6px; padding-left: 22px; }
        ol.first-steps li { margin: 0 0 8px; }
        .step { border-top: 1px solid var(--line); padding-top: 4px; }
        ul.why { margin: 4px 0 8px; padding-left: 20px; color: var(--muted); font-size: 0.92em; }
        .artifact { margin: 8px 0 14px; }
        .artifact-title { margin: 0 0 4px; }
        pre.artifact { margin: 0; padding: 10px 12px; background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; line-height: 1.4; white-space: pre-wrap; overflow-wrap: anywhere; user-select: all; }
        button.copy { float: right; margin: -30px 0 0; font: inherit; font-size: 0.85em; padding: 2px 10px; border: 1px solid #4a6f99; border-radius: 4px; background: #fff; color: #2c4f77; cursor: pointer; }
        .sources { font-size: 0.85em; color: var(--muted); margin: 4px 0 0; overflow-wrap: anywhere; }
        a { color: #1f5fa8; overflow-wrap: anywhere; }
        nav.sections { display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 10px 0 0; font-size: 0.9em; }
        nav.path-index { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0 0 8px; font-size: 0.92em; }
        ol.paths { list-style: none; margin: 0; padding: 0; }
        li.path { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: flex-start; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 6px; }
        li.path:target { border: 2px solid #4a6f99; background: #f3f7fc; }
        .path-function { flex: 0 0 200px; max-width: 100%; }
        .needs { flex: 1 1 300px; min-width: 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: stretch; }
        .need { display: inline-block; max-width: 100%; padding: 3px 8px; border: 1px solid #7b8794; border-radius: 5px; background: #f4f5f7; font-size: 0.88em; overflow-wrap: anywhere; }
        .need.spof { border: 2px solid var(--red); background: #fdecea; }
        .need-service { color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
        .need-detail { color: var(--muted); font-size: 0.9em; }
        .any, .optional { display: inline-flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; max-width: 100%; padding: 3px 6px; border: 1px dashed #4a6f99; border-radius: 6px; background: #fff; }
        .optional { border-color: #9aa3ad; }
        .any .all { display: inline-flex; flex-wrap: wrap; gap: 4px; }
        .any-label { font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.04em; color: #2c4f77; font-weight: 600; }
        .or { font-size: 0.8em; color: var(--muted); }
        @media (max-width: 640px) {
          body { font-size: 14px; }
          main { padding: 14px 12px 32px; }
          h1 { font-size: 1.45em; overflow-wrap: anywhere; }
          .grade .letter { width: 44px; height: 44px; font-size: 26px; }
          table, thead, tbody, tr, th, td { display: block; width: 100%; }
          thead { display: none; }
          tr { border: 1px solid var(--line); margin: 0 0 8px; }
          td { border: none; border-top: 1px solid var(--line); }
          td:first-child { border-top: none; font-weight: 600; }
          td.nowrap { white-space: normal; }
          button.copy { float: none; margin: 0 0 4px; }
          figure svg { max-width: none; width: 860px; }
        }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          nav.toc a, nav.path-index a, nav.sections a, ol.first-steps a { color: inherit; text-decoration: none; }
          a { color: inherit; }
          a.ext[href]::after { content: " (" attr(href) ")"; color: var(--muted); font-size: 0.9em; }
          h2, h3 { break-after: avoid; }
          tr, li, details, .need, .any, .artifact, .banner, .grade { break-inside: avoid; }
          pre.artifact { break-inside: auto; }
          figure { overflow: visible; break-inside: avoid; }
          figure svg { max-height: 100mm; width: auto; margin: 0 auto; }
          figcaption { font-size: 8.5pt; margin-top: 2px; }
          .grade { padding: 8px 12px; }
          nav.sections { display: none; }
          header.summary h1 { margin-top: 0; }
          section.first-steps { padding: 0 10px 4px; margin-top: 8px; }
          section.first-steps h2 { margin: 6px 0 4px; }
          ol.first-steps li { margin-bottom: 3px; }
          section.first-steps .muted { font-size: 8.5pt; }
          #graph h2, section[id$="-graph"] h2 { margin-top: 10px; }
          section { break-before: page; }
          section.first-steps, section#graph, section[id$="-graph"] { break-before: auto; }
          h2 { margin-top: 0; }
          section.first-steps h2 { margin-top: 6px; }
          details { border: none; padding: 0; }
          summary { list-style: none; }
          button.copy { display: none; }
          .grade .letter, .severity, th, .banner, .need.spof, section.first-steps { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          article.report + article.report { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
        }
        """;
}
