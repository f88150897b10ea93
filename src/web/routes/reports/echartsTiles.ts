/** The heatmap and its colour scale that draw the commune tiles: loaded by EChart with the first tiles chart. */
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([HeatmapChart, VisualMapComponent]);
