#pragma once

class QThreadPool;

namespace geo {

// The pool for work off the caller's thread that may wait on the store or the disk: scoring
// a stored audit, report data, exports, rescoring, reading and writing files. Never Qt's
// global pool: Qt's raster painting splits large fills and pixmap draws over the global pool
// and waits for them on the GUI thread, so a global pool kept busy by such work froze the
// window for as long as an export ran.
QThreadPool *workPool();

} // namespace geo
