#pragma once

#include <QByteArray>
#include <QString>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <thread>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

// A named pipe (mkfifo) at path, fed from a thread of its own: `bytes`, then, when endless,
// spaces until the reader closes its end. For readers that must not trust a file's size.
class PipeWriter final
{
public:
    PipeWriter(const QString &path, QByteArray bytes, bool endless) : m_path(path.toLocal8Bit())
    {
        m_made = mkfifo(m_path.constData(), 0600) == 0;
        if (m_made)
            m_thread = std::thread([this, bytes = std::move(bytes), endless] { feed(bytes, endless); });
    }

    PipeWriter(const PipeWriter &) = delete; // the thread holds `this`
    PipeWriter &operator=(const PipeWriter &) = delete;

    ~PipeWriter()
    {
        if (!m_made)
            return;
        // A writer still waiting for a reader (the test failed before reading) is let go: it
        // opens, finds no reader left and stops.
        const int reader = ::open(m_path.constData(), O_RDONLY | O_NONBLOCK);
        if (reader >= 0)
            ::close(reader);
        m_thread.join();
    }

    bool made() const { return m_made; }

private:
    void feed(const QByteArray &bytes, bool endless)
    {
        // A write to a pipe whose reader has gone fails with EPIPE instead of killing the test.
        sigset_t pipe;
        sigemptyset(&pipe);
        sigaddset(&pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
        const int fd = ::open(m_path.constData(), O_WRONLY);
        if (fd < 0)
            return;
        const QByteArray spaces(64 * 1024, ' ');
        bool open = writeAll(fd, bytes);
        while (open && endless)
            open = writeAll(fd, spaces);
        ::close(fd);
    }

    bool writeAll(int fd, const QByteArray &bytes)
    {
        for (qsizetype at = 0; at < bytes.size();) {
            const ssize_t n = ::write(fd, bytes.constData() + at, size_t(bytes.size() - at));
            if (n < 0 && errno != EINTR)
                return false;
            at += std::max<ssize_t>(n, 0);
        }
        return true;
    }

    QByteArray m_path;
    bool m_made = false;
    std::thread m_thread;
};
