/** Reading solution zips in memory. */
export { readZip, normaliseName, DEFAULT_ZIP_LIMITS, type ZipEntry, type ZipLimits, type ZipNotice, type ZipReadResult } from './zip';
export { archiveSourceFiles, isArchivePath, type ArchiveNotice } from './source-files';
