// Framework-free algorithms. Nothing here does network or database I/O.
export {};
