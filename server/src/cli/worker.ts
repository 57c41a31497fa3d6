// STUB: worker thread entry of the parallel CLI scan.
export {};
