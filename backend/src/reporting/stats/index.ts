export { wallCharts } from './charts.ts';
export { hotReport } from './hot.ts';
export {
  type HotReport,
  hotReportSchema,
  type WallAgent,
  type WallChannel,
  type WallCharts,
  wallChartsSchema,
  type WallSnapshot,
  wallSnapshotSchema,
  type WallWarning,
} from './views.ts';
export { wallSnapshot } from './wall.ts';
