// Only what the workspace draws: bars and lines on a grid, with tooltips and a legend. Importing
// from echarts/core keeps the rest of ECharts out of the (lazy) bureau chunk.
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
// SVG: the few marks of these charts stay crisp at any zoom, and their texts are elements a test can measure.
import { SVGRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export { echarts }
export type { EChartsCoreOption } from 'echarts/core'
