/// The site's one style sheet: system fonts only (nothing fetched), a readable column of text,
/// output that scrolls sideways instead of breaking, pictures that shrink to the screen, and a
/// print style that hides the navigation and wraps long lines.
enum Style {
    static let css = """
        :root {
          --text: #1d1d1f; --muted: #5a5a60; --rule: #d8d8de; --accent: #0b57a4;
          --code-bg: #f4f4f7; --output-bg: #fbfbf8;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0; color: var(--text); background: #fff;
          font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
          font-size: 17px; line-height: 1.55;
        }
        main, footer { max-width: 54rem; margin: 0 auto; padding: 0 1.25rem; }
        nav.site {
          position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 0.25rem 1.1rem;
          padding: 0.6rem max(1.25rem, calc((100% - 54rem) / 2 + 1.25rem));
          background: #f7f7f9; border-bottom: 1px solid var(--rule); font-size: 0.95rem;
        }
        nav.site span { color: var(--muted); }
        a { color: var(--accent); }
        a:visited { color: #5b3a93; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: 1.6rem 0 1rem; }
        h2 { font-size: 1.4rem; margin: 2.2rem 0 0.8rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); }
        h3 { font-size: 1.15rem; margin: 1.6rem 0 0.6rem; }
        h1, h2, h3, h4 { scroll-margin-top: 3.5rem; }
        pre, figure { scroll-margin-top: 3.5rem; }
        p, ul, ol { margin: 0.7rem 0; }
        li { margin: 0.25rem 0; }
        code, pre {
          font-family: "DejaVu Sans Mono", "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
          font-size: 0.86em;
        }
        code { background: var(--code-bg); padding: 0.05em 0.3em; border-radius: 3px; }
        pre {
          background: var(--code-bg); padding: 0.75rem 1rem; border-radius: 6px; overflow-x: auto;
          line-height: 1.35; -webkit-overflow-scrolling: touch;
        }
        pre code { background: none; padding: 0; font-size: 1em; }
        pre.output {
          background: var(--output-bg); border: 1px solid var(--rule); font-size: 0.8rem;
          line-height: 1.15; margin: 1rem 0;
        }
        .table { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; font-size: 0.93rem; }
        th, td { border: 1px solid var(--rule); padding: 0.35rem 0.6rem; vertical-align: top; text-align: left; }
        th { background: #f3f4f7; }
        td code { white-space: nowrap; }
        tbody tr:nth-child(even) { background: #fafafc; }
        figure { margin: 1.2rem 0 1.8rem; }
        figure .svg svg { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); border-radius: 4px; }
        figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.35rem; }
        .note { color: var(--muted); }
        ol.steps { columns: 2 18rem; font-size: 0.95rem; }
        span.file { font-style: italic; }
        footer { color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); margin-top: 3rem; padding-bottom: 2rem; }

        @media (max-width: 40rem) {
          body { font-size: 16px; }
          main, footer { padding: 0 0.8rem; }
          nav.site { padding: 0.5rem 0.8rem; position: static; }
          h1 { font-size: 1.5rem; }
          pre.output { font-size: 0.7rem; }
          ol.steps { columns: 1; }
        }

        @media print {
          body { font-size: 11pt; line-height: 1.4; }
          nav.site, ol.steps { display: none; }
          main, footer { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          pre, pre.output { white-space: pre-wrap; overflow: visible; font-size: 7.5pt; border: 1px solid #bbb; background: none; }
          pre { break-inside: auto; }
          figure, table, h2, h3 { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          figure .svg svg { max-height: 9cm; width: auto; }
        }
        """
}
