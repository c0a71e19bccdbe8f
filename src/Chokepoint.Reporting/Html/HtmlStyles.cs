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
        .status { border: 2px solid #b3261e; background: #fdecea; padding: .5em .8em; margin: .5em 0; }
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
        figcaption { color: var(--muted); font-size: 0.9em; margin-top: 6px; }
        details { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 8px 0; background: #fff; }
        summary { cursor: pointer; font-weight: 600; }
        .history { margin: 6px 0 0; }
        nav.toc { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; margin: 12px 0 24px; }
        nav.toc ol { margin: 6px 0; }
        article.report + article.report { margin-top: 48px; padding-top: 24px; border-top: 3px solid var(--line); }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          nav.toc a { color: inherit; text-decoration: none; }
          h2, h3 { break-after: avoid; }
          tr, li, details, figure { break-inside: avoid; }
          figure { overflow: visible; }
          details { border: none; padding: 0; }
          summary { list-style: none; }
          .grade .letter, .severity, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          article.report + article.report { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
        }
        """;
}
