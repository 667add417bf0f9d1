// A chart of EVSCallPro reports: Apache ECharts (tree-shaken: bar, line, pie) with the SVG renderer, so a printed
// page gets vector graphics. The server sets `option` (an ECharts option as JSON). Animation is off while printing:
// on `beforeprint` (and a `print` media query) the chart is redrawn without animation at the printed width.
// `aria` is on: the chart carries a text description of its series (screen readers, tests).
import { LitElement } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent, AriaComponent, DatasetComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent,
  AriaComponent, DatasetComponent, SVGRenderer]);

class EvsChart extends LitElement {
  static get properties() {
    return { option: { type: String } };
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.style.display = 'block';
    this._printing = false;
    this._beforePrint = () => this._redraw(true);
    this._afterPrint = () => this._redraw(false);
    window.addEventListener('beforeprint', this._beforePrint);
    window.addEventListener('afterprint', this._afterPrint);
    this._media = window.matchMedia('print');
    this._mediaListener = (e) => this._redraw(e.matches);
    this._media.addEventListener('change', this._mediaListener);
    this._resize = new ResizeObserver(() => this._chart && this._chart.resize({ animation: { duration: 0 } }));
    this._resize.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this._beforePrint);
    window.removeEventListener('afterprint', this._afterPrint);
    this._media.removeEventListener('change', this._mediaListener);
    this._resize.disconnect();
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  updated(changed) {
    if (changed.has('option')) {
      this._redraw(this._printing);
    }
  }

  _redraw(printing) {
    this._printing = printing;
    if (!this.option) {
      return;
    }
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg' });
    }
    const option = JSON.parse(this.option);
    option.animation = !printing;
    option.aria = { enabled: true };
    this._chart.setOption(option, true);
    this._chart.resize();
    this.setAttribute('data-rendered', String((this._renders = (this._renders || 0) + 1)));
  }
}

customElements.define('evs-chart', EvsChart);
