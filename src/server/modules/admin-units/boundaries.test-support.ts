// Commune boundary files for tests: squares side by side, one per commune, named the way real files name
// them. Test code only (no real geography is implied).

export type SquareSpec = { properties: Record<string, unknown>; column: number; row?: number };

/** A Polygon feature: a 0.05° square at a column and row of a grid around Bắc Ninh. */
export function squareFeature({ properties, column, row = 0 }: SquareSpec) {
  const [x, y] = [106.0 + column * 0.05, 21.2 + row * 0.05];
  return {
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.05, y], [x + 0.05, y + 0.05], [x, y + 0.05], [x, y]]] },
  };
}

/** A FeatureCollection of squares. */
export function boundaryFile(specs: SquareSpec[]) {
  return { type: 'FeatureCollection', features: specs.map(squareFeature) };
}
