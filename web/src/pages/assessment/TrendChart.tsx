import ReactECharts from 'echarts-for-react';

/** Loaded lazily: ECharts is big and only this page needs it. */
export default function TrendChart({
  points,
  name,
}: {
  points: { period: string; total: number | null }[];
  name: string;
}) {
  return (
    <ReactECharts
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
