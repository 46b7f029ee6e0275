// Where the real programs keep their things: the database in the XDG data folder
// (~/.local/share/geoaudit), settings in the XDG config folder (~/.config/geoaudit/geoaudit.conf),
// and nothing beside the programs or in the folder they are started from.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestUserFolders : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QString path(const QString &relative) const { return m_root.filePath(relative); }

    // Runs a copy of the program, alone in a folder of its own, from an empty working folder,
    // with HOME and the XDG folders in the temporary root; headless: with no display at all.
    enum Display { Offscreen, Headless };
    Outcome run(const QString &program, const QStringList &args, Display display = Offscreen) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, path(u"home"_s));
        env.insert(u"XDG_DATA_HOME"_s, path(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, path(u"config"_s));
        env.insert(u"XDG_CACHE_HOME"_s, path(u"cache"_s));
        if (display == Offscreen) {
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        } else {
            for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
                env.remove(name);
        }
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(path(u"work"_s));
        p.start(path(u"bin/"_s) + program, args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    static QStringList entries(const QString &folder)
    {
        return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                      QDir::Name);
    }

    QTemporaryDir m_root;

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        for (const QString &folder : {u"bin"_s, u"home"_s, u"work"_s})
            QVERIFY(QDir().mkpath(path(folder)));
        for (const QString &program : {u"geoaudit"_s, u"geoaudit-cli"_s})
            QVERIFY(QFile::copy(QStringLiteral(GEOAUDIT_BIN_DIR) + u'/' + program, path(u"bin/"_s) + program));
    }

    // Both answer --version (and the app --help) without a display, as a package check would ask.
    void versions()
    {
        const Outcome help = run(u"geoaudit"_s, {u"--help"_s}, Headless);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith(u"Usage: geoaudit [options] [SPEC]"_s));
        QVERIFY(help.out.contains(u"--screenshot <FILE>"_s));
        const Outcome app = run(u"geoaudit"_s, {u"--version"_s}, Headless);
        QCOMPARE(app.exitCode, 0);
        QCOMPARE(app.out.trimmed(), u"geoaudit "_s + QStringLiteral(GEOAUDIT_VERSION));
        const Outcome cli = run(u"geoaudit-cli"_s, {u"--version"_s}, Headless);
        QCOMPARE(cli.exitCode, 0);
        QCOMPARE(cli.out.trimmed(), u"geoaudit-cli "_s + QStringLiteral(GEOAUDIT_VERSION));
    }

    // The manual page (packaging/geoaudit-cli.1.in) documents every verb and every option --help names.
    void cliKeepsTheDatabaseInTheDataFolder()
    {
        const Outcome o = run(u"geoaudit-cli"_s, {u"run"_s, u"--demo"_s});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY(QFile::exists(path(u"data/geoaudit/audits.sqlite"_s)));
        const Outcome listed = run(u"geoaudit-cli"_s, {u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(u"finished\t192/192\t0"_s), qPrintable(listed.out));
    }

    void appKeepsSettingsInTheConfigFolder()
    {
        const QString shot = path(u"window.png"_s);
        const Outcome o = run(u"geoaudit"_s, {u"--screenshot"_s, shot});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY(!QImage(shot).isNull());
        // Closing the window saves its layout: the settings file exists and has it.
        QFile conf(path(u"config/geoaudit/geoaudit.conf"_s));
        QVERIFY(conf.open(QIODevice::ReadOnly));
        QVERIFY(conf.readAll().contains("[window]"));
    }

    void nothingLandsElsewhere()
    {
        QCOMPARE(entries(path(u"bin"_s)), QStringList({u"geoaudit"_s, u"geoaudit-cli"_s}));
        QCOMPARE(entries(path(u"work"_s)), QStringList());
        QCOMPARE(entries(path(u"data"_s)), QStringList({u"geoaudit"_s}));
        for (const QString &name : entries(path(u"data/geoaudit"_s)))
            QVERIFY2(name.startsWith(u"audits.sqlite"_s), qPrintable(name)); // with its -wal and -shm
        QCOMPARE(entries(path(u"config"_s)), QStringList({u"geoaudit"_s}));
        QCOMPARE(entries(path(u"config/geoaudit"_s)), QStringList({u"geoaudit.conf"_s}));
    }
};

QTEST_GUILESS_MAIN(TestUserFolders)
#include "tst_userfolders.moc"
