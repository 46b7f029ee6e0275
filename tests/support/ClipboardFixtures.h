#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// The pages of tests/data/clipboard/, as a browser puts them on the clipboard or saves them.
inline QByteArray clipboardFixture(const QString &name)
{
    QFile f(QStringLiteral(GEOAUDIT_SOURCE_DIR "/tests/data/clipboard/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return f.readAll();
}

// Writes `data` to `path` whole.
inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}
