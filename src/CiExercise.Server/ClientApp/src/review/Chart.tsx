import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration, type Plugin,
} from "chart.js";
import { useEffect, useRef } from "preact/hooks";
import { useLang } from "../i18n";

// Only the parts the review draws, bundled with the page: nothing is fetched from elsewhere, and chart.js
// sets sizes through the style object (allowed by the page's style-src 'self'), never a style element.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Marks the canvas once the chart has been drawn, with how many points it holds, for tests and screen readers' hosts. */
const drawn: Plugin = {
  id: "ciex-drawn",
  afterRender: chart => {
    chart.canvas.dataset.drawn = String(chart.data.datasets.reduce((n, d) => n + d.data.length, 0));
  },
};

/** A chart drawn into a canvas of the page; redrawn when its data or the language changes, never animated (print). */
export function ChartView({ config, label, testid }: { config: ChartConfiguration; label: string; testid: string }) {
  const lang = useLang();
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(config.data);
  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      ...config,
      options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options },
      plugins: [drawn],
    });
    return () => chart.destroy();
  }, [key, lang]);
  return (
    <figure class="chart" data-testid={testid}>
      <figcaption>{label}</figcaption>
      <div class="chart-box"><canvas ref={canvas} role="img" aria-label={label} /></div>
    </figure>
  );
}

/** Colours that stay apart in print and for common colour blindness (Okabe–Ito). */
export const PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"];
