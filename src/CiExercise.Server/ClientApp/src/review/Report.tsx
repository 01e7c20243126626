import { useEffect } from "preact/hooks";
import { download, get } from "../api";
import { t, useLang } from "../i18n";
import { reviewPath, exercisePath } from "./names";
import type { ExerciseReview, ReportDocument, ReportTable } from "./types";
import { useLoad } from "./useLoad";

/**
 * The AAR/IP report as the server builds it (the same document every download renders), laid out to print on
 * A4: each section starts a page, and every printed page carries the EXERCISE marking and the exercise's name
 * in its top margin and its number in the bottom one.
 */
export function Report({ id, review }: { id: string; review: ExerciseReview }) {
  const lang = useLang();
  const doc = useLoad(() => get<ReportDocument>(`${reviewPath(id, "/report")}?lang=${lang}`), `${id}:${lang}`);
  usePrintedPage(doc.data ? `${doc.data.marking} — ${review.name}` : null);
  const d = doc.data;
  const file = `${id}-report`;
  return (
    <div class="report">
      <div class="report-tools no-print">
        <button type="button" class="primary" onClick={() => print()} data-testid="report-print">{t("report.print")}</button>
        <button type="button" onClick={() => void download(`${reviewPath(id, "/report.md")}?lang=${lang}`, `${file}.md`)} data-testid="report-md">{t("report.md")}</button>
        <button type="button" onClick={() => void download(`${reviewPath(id, "/report.xlsx")}?lang=${lang}`, `${file}.xlsx`)} data-testid="report-xlsx">{t("report.xlsx")}</button>
        <button type="button" onClick={() => void download(exercisePath(id, "/export.json"), `${id}-export.json`)} data-testid="report-json">{t("report.json")}</button>
      </div>
      {doc.error ? <p class="error" role="alert">{doc.error}</p> : null}
      {d ? (
        <article class="report-doc" lang={d.language} data-testid="report-doc">
          <header class="report-title">
            <div class="mark">{d.marking}</div>
            <h1>{d.title}</h1>
          </header>
          {d.sections.map(s => (
            <section key={s.id} class="report-section" data-section={s.id}>
              <h2>{s.heading}</h2>
              {s.paragraphs.map((p, i) => <p key={i}>{p}</p>)}
              {s.tables.map(table => <Table key={table.id} id={id} lang={lang} table={table} />)}
            </section>
          ))}
        </article>
      ) : doc.error ? null : <p class="empty">{t("loading")}</p>}
    </div>
  );
}

function Table({ id, lang, table }: { id: string; lang: string; table: ReportTable }) {
  return (
    <figure class="report-table" data-table={table.id}>
      <figcaption>
        {table.caption}{" "}
        <button type="button" class="link no-print" onClick={() => void download(`${reviewPath(id, "/report.csv")}?table=${encodeURIComponent(table.id)}&lang=${lang}`, `${id}-${table.id}.csv`)}
          data-testid="report-csv">{t("report.csv")}</button>
      </figcaption>
      <table class="compact">
        <thead><tr>{table.columns.map((c, i) => <th key={i}>{c}</th>)}</tr></thead>
        <tbody>{table.rows.map((row, r) => (
          <tr key={r}>{row.map((cell, i) => <td key={i} class={typeof cell === "number" ? "num" : ""}>{cell === null ? "" : typeof cell === "number" ? cell.toLocaleString(lang) : cell}</td>)}</tr>
        ))}</tbody>
      </table>
    </figure>
  );
}

/**
 * The printed page's margins: A4, the marking and name at the top of every page, the page number at the bottom.
 * The name is the exercise's, so the rule is made here, through the CSS object model (a style element or
 * attribute would be refused by the page's content security policy), and removed when the report closes.
 */
function usePrintedPage(heading: string | null) {
  useEffect(() => {
    if (!heading) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`@page { size: A4; margin: 20mm 15mm 18mm; @top-center { content: ${JSON.stringify(heading)}; font: 700 9pt system-ui, sans-serif; } @bottom-right { content: counter(page) " / " counter(pages); font: 8pt system-ui, sans-serif; } }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== sheet); };
  }, [heading]);
}
