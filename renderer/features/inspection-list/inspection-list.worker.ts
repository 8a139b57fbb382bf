/// <reference lib="webworker" />
/**
 * The 核查 list off the UI thread: reading and restoring 10,000 records (each with its plot and its history) takes
 * hundreds of milliseconds and would freeze the panel, so the worker reads them through renderer/db (every record
 * restored) and keeps only each one's list row and plot until the UI says the stored records changed. A filter is
 * then a pass over the rows in memory.
 */
import { serveWorker } from '../../platform/worker-host';
import { listHandlers } from './inspection-list.handlers';
import type { InspectionListProtocol } from './inspection-list.protocol';

serveWorker<InspectionListProtocol>(listHandlers);
