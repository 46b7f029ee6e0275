#include "BoundedRead.h"

#include <QFile>

#include <algorithm>

namespace geo {

BoundedRead BoundedRead::file(const QString &path, qint64 maxBytes)
{
    constexpr qint64 Chunk = 64 * 1024;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {Status::Unreadable, {}, file.errorString()};
    QByteArray data;
    qint64 total = 0;
    while (total <= maxBytes) {
        // Grown a chunk at a time: an endless file costs maxBytes + 1 bytes, not all memory.
        const qint64 want = std::min(Chunk, maxBytes + 1 - total);
        data.resize(total + want);
        const qint64 got = file.read(data.data() + total, want);
        if (got < 0)
            return {Status::Unreadable, {}, file.errorString()};
        if (got == 0)
            break; // the end
        total += got;
    }
    if (total > maxBytes)
        return {Status::TooLarge, {}, {}};
    data.truncate(total);
    return {Status::Read, data, {}};
}

} // namespace geo
