#include <QTest>

class Testrobots : public QObject
{
    Q_OBJECT
};

QTEST_APPLESS_MAIN(Testrobots)
#include "tst_robots.moc"
