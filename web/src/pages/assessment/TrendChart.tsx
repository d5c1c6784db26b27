import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// only what this chart draws (ECharts' modular import): a line, its grid and tooltip, on a canvas
echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Loaded lazily: ECharts is big and only this page needs it. */
export default function TrendChart({
  points,
  name,
}: {
  points: { period: string; total: number | null }[];
  name: string;
}) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 360 }}
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 24, top: 32, bottom: 40 },
        xAxis: { type: 'category', data: points.map((p) => p.period) },
        yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)), max: 100 },
        series: [
          {
            name,
            type: 'line',
            connectNulls: true,
            label: { show: true },
            data: points.map((p) => p.total),
          },
        ],
      }}
    />
  );
}
