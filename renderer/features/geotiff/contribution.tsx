/**
 * The geotiff feature is the GeoTIFF/COG reader: the worker that opens images by ranges and renders their map tiles
 * (lpcog://) and print renders, and the details it read. The imagery feature owns the layers (their records, the one
 * 影像 list, 打开影像 and drops) and calls this feature's index.ts; renderImagery renders any imagery layer for print.
 * It contributes nothing to the shell of its own.
 */
import type { FeatureContribution } from '../../ui/contributions';

export const geotiffFeature: FeatureContribution = { id: 'geotiff' };
