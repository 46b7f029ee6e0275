#pragma once

#include <QByteArray>
#include <QString>

namespace geo {

// A whole file of at most maxBytes, read without trusting the size the file reports:
// /dev/zero, a named pipe or a /proc file report 0 and may never end, so at most
// maxBytes + 1 bytes are read, in chunks, and a file with more is refused.
struct BoundedRead
{
    enum class Status { Read, Unreadable, TooLarge };

    Status status = Status::Read;
    QByteArray data; // when Read
    QString error;   // when Unreadable: the system's reason

    static BoundedRead file(const QString &path, qint64 maxBytes);
};

} // namespace geo
