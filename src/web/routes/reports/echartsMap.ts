/** The map series with its geo and colour-scale components: loaded by EChart with the first map (most alliances have none). */
import { MapChart } from 'echarts/charts';
import { GeoComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([MapChart, GeoComponent, VisualMapComponent]);
