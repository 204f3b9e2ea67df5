/**
 * The search query set on the real corpus (`scripts/corpus/real-notes.ts`:
 * Debian's Chinese man pages, Debian Reference, maint-guide and FAQ, which
 * nobody on the project wrote): what a reader types, and the note they must
 * land on. Why a second set: the first (`search-queries.ts`) runs on our own
 * note; this one asks whether search holds up on 1,500 notes in both
 * scripts, where most words occur in dozens of notes and the same page
 * exists twice (zh_CN/ and zh_TW/).
 *
 * - `answer`: the note, relative to the corpus root; it contains the query's
 *   words as phrases (folded to simplified, as the index folds them) and is,
 *   as far as possible, the one note whose topic the query is.
 * - `section`: for answers inside a long note, the heading the words lie under.
 * - `answerSays`: for Taiwan-vocabulary cases, the words as the answer
 *   writes them (the query uses the other region's word, e.g. 内核模块 for a
 *   page that says 核心模組): folding characters alone cannot find it.
 * - `alsoRight`: notes that are equally right (the same man page installed
 *   under two names, or the same section in the other script's book); they
 *   may rank above the answer, which must still be among the first results.
 *
 * `node scripts/corpus/check-queries.ts` verifies every case against the
 * corpus and prints how many other notes contain each query.
 */
export interface RealCorpusCase {
  query: string;
  kind: 'simplified' | 'traditional' | 'taiwan-vocabulary' | 'mixed';
  answer: string;
  section?: string;
  answerSays?: string;
  alsoRight?: string[];
  why: string;
}

export const REAL_CORPUS_CASES: RealCorpusCase[] = [
  // Simplified: words whose characters are everywhere, as a phrase in few notes.
  {
    kind: 'simplified',
    query: '信号量',
    answer: 'zh_CN/man1/lockfile.1.md',
    why: 'the only note with the phrase: lockfile creates "信号量(semaphore)" files; 信, 号 and 量 alone are in most notes',
  },
  {
    kind: 'simplified',
    query: '信号灯',
    answer: 'zh_CN/man5/ipc.5.md',
    why: 'ipc(5) documents System V semaphores, which this translation calls 信号灯 (14 times)',
  },
  {
    kind: 'simplified',
    query: '硬链接',
    answer: 'zh_CN/man1/ln.1.md',
    why: 'ln(1) makes links between files, hard links by default; the Debian Reference mentions them more often, in passing',
  },
  {
    kind: 'simplified',
    query: '符号链接',
    answer: 'zh_CN/man1/readlink.1.md',
    why: 'readlink(1) "输出经过解析的符号链接值": the phrase is its title; 46 notes mention symbolic links',
  },
  {
    kind: 'simplified',
    query: '守护进程',
    answer: 'zh_CN/man7/daemon.7.md',
    why: 'daemon(7) "编写与打包系统守护进程" is about daemons; the word is in 27 notes',
  },
  {
    kind: 'simplified',
    query: '进程间通信',
    answer: 'zh_CN/man5/ipc.5.md',
    why: 'ipc(5) "System V 进程间通信机制": inter-process communication is its title',
  },
  {
    kind: 'simplified',
    query: '环境变量',
    answer: 'zh_CN/man1/printenv.1.md',
    why: 'printenv(1) "显示全部或部分环境变量"; 132 notes use the word, the Debian Reference 54 times',
  },
  {
    kind: 'simplified',
    query: '正则表达式',
    answer: 'zh_CN/man7/regex.7.md',
    why: 'regex(7) "POSIX 1003.2 正则表达式" defines them; grep(1) and the Debian Reference use the word more often',
  },
  {
    kind: 'simplified',
    query: '文件系统层次结构',
    answer: 'zh_CN/man7/file-hierarchy.7.md',
    why: 'file-hierarchy(7) "文件系统层次结构概览"; 文件系统 alone is in 107 notes',
  },
  {
    kind: 'simplified',
    query: '命名管道',
    answer: 'zh_CN/man7/fifo.7.md',
    alsoRight: ['zh_CN/man1/mkfifo.1.md'],
    why: 'fifo(7) "先进先出的特殊文件, 命名管道" is about named pipes; mkfifo(1) creates them',
  },
  {
    kind: 'simplified',
    query: '时区信息',
    answer: 'zh_CN/man5/tzfile.5.md',
    why: 'tzfile(5) "时区信息" is the time zone information format; zic(8) and environ(5) mention it',
  },
  {
    kind: 'simplified',
    query: '分区表',
    answer: 'zh_CN/man8/fdisk.8.md',
    why: 'fdisk(8) "Linux分区表操作工具软件" (23 times); lilo and the Debian Reference mention partition tables',
  },
  {
    kind: 'simplified',
    query: '字符集',
    answer: 'zh_CN/man7/charsets.7.md',
    why: 'charsets(7) "程序员对字符集和国际化的观点" (37 times); 69 notes use the word',
  },
  {
    kind: 'simplified',
    query: '查找所有硬链接',
    answer: 'debian-reference/debian-reference.zh-cn.md',
    section: '9.8.11. 查找所有硬链接',
    why: 'a section title inside the 1.8 MB Debian Reference: the search must land on that section, not the book',
  },
  {
    kind: 'simplified',
    query: '软件包管理系统',
    answer: 'debian-faq/zh-cn/pkg-basics.md',
    why: 'the FAQ chapter "Debian 软件包管理系统基础"; the Debian Reference has the phrase once more, among 1,000 other 软件包',
  },

  // Traditional characters: to a traditional page as written, or folded to a simplified page.
  {
    kind: 'traditional',
    query: '先進先出的特殊檔案',
    answer: 'zh_TW/man7/fifo.7.md',
    why: 'the title of fifo(7) in zh_TW, typed as it is written there',
  },
  {
    kind: 'traditional',
    query: '時區資訊',
    answer: 'zh_TW/man5/tzfile.5.md',
    why: 'tzfile(5) in zh_TW, "時區資訊" (Taiwan 資訊 for 信息) is its title',
  },
  {
    kind: 'traditional',
    query: '守護程序',
    answer: 'zh_TW/man7/daemon.7.md',
    why: 'daemon(7) in zh_TW: "編寫與打包系統守護程序"',
  },
  {
    kind: 'traditional',
    query: '程序間通訊',
    answer: 'zh_TW/man5/ipc.5.md',
    why: 'ipc(5) in zh_TW: "System V 程序間通訊機制"',
  },
  {
    kind: 'traditional',
    query: '符號連結',
    answer: 'zh_TW/man1/readlink.1.md',
    why: 'readlink(1) in zh_TW: "輸出經過解析的符號連結值或權威檔名"',
  },
  {
    kind: 'traditional',
    query: '環境變數',
    answer: 'zh_TW/man1/printenv.1.md',
    why: 'printenv(1) in zh_TW: "顯示全部或部分環境變數"; 132 notes use the word',
  },
  {
    kind: 'traditional',
    query: '正則表示式',
    answer: 'zh_TW/man7/regex.7.md',
    why: 'regex(7) in zh_TW: "POSIX 1003.2 正則表示式"',
  },
  {
    kind: 'traditional',
    query: '檔案系統層次結構',
    answer: 'zh_TW/man7/file-hierarchy.7.md',
    why: 'file-hierarchy(7) in zh_TW, the only note with the phrase',
  },
  {
    kind: 'traditional',
    query: '分割槽表',
    answer: 'zh_TW/man8/fdisk.8.md',
    why: 'fdisk(8) in zh_TW: "Linux分割槽表操作工具軟體"',
  },
  {
    kind: 'traditional',
    query: '字符集和國際化',
    answer: 'zh_CN/man7/charsets.7.md',
    alsoRight: ['zh_TW/man7/charsets.7.md'],
    why: 'charsets(7) is titled with it in both scripts; the query folds to the simplified title',
  },
  {
    kind: 'traditional',
    query: '軟件包管理系統',
    answer: 'debian-faq/zh-cn/pkg-basics.md',
    why: 'traditional characters, mainland words (as maint-guide zh-tw writes): folds to the FAQ chapter title, which is simplified only',
  },
  {
    kind: 'traditional',
    query: '硬鏈接',
    answer: 'zh_CN/man1/ln.1.md',
    why: 'traditional characters for 硬链接: found only by folding, in ln(1) zh_CN',
  },
  {
    kind: 'traditional',
    query: '守護進程',
    answer: 'zh_CN/man7/daemon.7.md',
    why: 'traditional characters for 守护进程: the zh_TW daemon(7) says 守護程序 instead, so the simplified page is the one',
  },

  // Taiwan vocabulary: one region's word must find the page that uses the other's.
  {
    kind: 'taiwan-vocabulary',
    query: '局域网网络地址范围',
    answer: 'debian-reference/debian-reference.zh-tw.md',
    section: '5.1.3. 區域網網路地址範圍',
    answerSays: '區域網網路地址範圍',
    alsoRight: ['debian-reference/debian-reference.zh-cn.md'],
    why: 'mainland 局域网/网络 typed; the zh-tw Reference titles the section 區域網網路地址範圍',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '内核模块',
    answer: 'zh_TW/man5/modules-load.d.5.md',
    answerSays: '核心模組',
    alsoRight: ['zh_CN/man5/modules-load.d.5.md'],
    why: 'modules-load.d(5) in zh_TW: "配置啟動時載入哪些核心模組" (内核→核心, 模块→模組)',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '硬链接',
    answer: 'zh_TW/man1/ln.1.md',
    answerSays: '硬連結',
    alsoRight: ['zh_CN/man1/ln.1.md'],
    why: 'ln(1) in zh_TW says 硬連結 (链接→連結), which folds to 硬连结, not 硬链接',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '新建文件的权限',
    answer: 'debian-reference/debian-reference.zh-tw.md',
    section: '1.2.4. 控制新建檔案的許可權：umask',
    answerSays: '新建檔案的許可權',
    alsoRight: ['debian-reference/debian-reference.zh-cn.md'],
    why: 'two swaps in one phrase: 文件→檔案 and 权限→許可權, in the zh-tw Reference section 1.2.4',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '守护进程',
    answer: 'zh_TW/man7/daemon.7.md',
    answerSays: '守護程序',
    alsoRight: ['zh_CN/man7/daemon.7.md'],
    why: 'the zh_TW pages write 进程 as 程序 (OpenCC s2twp), a word that means "program" on the mainland',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '默认网关',
    answer: 'zh_TW/man8/nss-myhostname.8.md',
    answerSays: '預設閘道',
    alsoRight: ['zh_CN/man8/nss-myhostname.8.md'],
    why: 'nss-myhostname(8) is the only page on the default gateway; zh_TW says 預設閘道 (默认→預設, 网关→閘道)',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '配置网络接口',
    answer: 'zh_TW/man8/ifconfig.8.md',
    answerSays: '配置網路介面',
    alsoRight: ['zh_CN/man8/ifconfig.8.md'],
    why: 'ifconfig(8) in zh_TW: "配置網路介面" (网络→網路, 接口→介面)',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '記憶體空間',
    answer: 'zh_CN/man1/free.1.md',
    answerSays: '内存空间',
    alsoRight: ['zh_TW/man1/free.1.md'],
    why: 'Taiwan 記憶體 typed; free(1) in zh_CN: "显示系统中已用和未用的内存空间总和"',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '行程間通訊',
    answer: 'zh_CN/man5/ipc.5.md',
    answerSays: '进程间通信',
    why: "Taiwan's usual 行程間通訊 for IPC; no note says it (zh_TW ipc(5) says 程序間通訊), the answer says 进程间通信",
  },
  {
    kind: 'taiwan-vocabulary',
    query: '軟體套件管理系統',
    answer: 'debian-faq/zh-cn/pkg-basics.md',
    answerSays: '软件包管理系统',
    why: 'Taiwan 軟體套件 for 软件包; the FAQ exists in zh-cn only, so only vocabulary leads there',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '磁碟配額',
    answer: 'zh_CN/man8/quotaon.8.md',
    answerSays: '磁盘配额',
    alsoRight: ['zh_TW/man8/quotaon.8.md'],
    why: 'Taiwan 磁碟 typed; quotaon(8) "开启关闭文件系统配额" says 磁盘配额',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '正規表示式',
    answer: 'zh_CN/man7/regex.7.md',
    answerSays: '正则表达式',
    why: 'a trap: the literal 正規表示式 is in mirror(1) and perlfaq(7), yet regex(7) is the page on regular expressions',
  },
  {
    kind: 'taiwan-vocabulary',
    query: '指令執行 環境變數',
    answer: 'debian-reference/debian-reference.zh-cn.md',
    section: '1.5.1. 命令执行和环境变量',
    answerSays: '命令执行和环境变量',
    alsoRight: ['debian-reference/debian-reference.zh-tw.md'],
    why: 'the zh-tw title of section 1.5.1 typed; the zh-cn section says 命令执行 and 环境变量',
  },

  // Mixed Chinese and English.
  {
    kind: 'mixed',
    query: 'grep 正则',
    answer: 'zh_CN/man1/grep.1.md',
    alsoRight: ['zh_CN/man1/egrep.1.md', 'zh_CN/man1/fgrep.1.md'],
    why: 'grep(1) is about regular expressions; egrep and fgrep are the same page installed under other names',
  },
  {
    kind: 'mixed',
    query: 'ls 目录',
    answer: 'zh_CN/man1/ls.1.md',
    alsoRight: ['zh_TW/man1/ls.1.md'],
    why: 'ls(1) "列出目录内容"; ls and 目录 are together in 322 notes, so the title must count',
  },
  {
    kind: 'mixed',
    query: 'sudo 配置',
    answer: 'debian-reference/debian-reference.zh-cn.md',
    section: '1.1.12. sudo 配置',
    alsoRight: ['debian-reference/debian-reference.zh-tw.md'],
    why: 'the section "sudo 配置" of the Debian Reference, one of hundreds in one note',
  },
  {
    kind: 'mixed',
    query: 'umask 权限',
    answer: 'debian-reference/debian-reference.zh-cn.md',
    section: '1.2.4. 控制新建文件的权限：umask',
    why: 'the Reference section on umask; open(2) and daemon(7) mention umask and 权限 too',
  },
  {
    kind: 'mixed',
    query: 'PATH 变量',
    answer: 'debian-reference/debian-reference.zh-cn.md',
    section: '1.5.3. "$PATH" 变量',
    why: 'the section titled "`$PATH`" 变量: a dollar sign in a heading the site must not take for math',
  },
  {
    kind: 'mixed',
    query: 'Samba 配置文件',
    answer: 'zh_CN/man5/smb.conf.5.md',
    why: 'smb.conf(5) "Samba组件的配置文件"; smbclient, testparm and smbd mention it',
  },
  {
    kind: 'mixed',
    query: 'D-Bus 总线',
    answer: 'zh_CN/man1/busctl.1.md',
    alsoRight: ['zh_TW/man1/busctl.1.md'],
    why: 'busctl(1) "内省与监视 D-Bus 总线"; a hyphenated English word',
  },
  {
    kind: 'mixed',
    query: 'SHA256 信息摘要',
    answer: 'zh_CN/man1/sha256sum.1.md',
    why: 'sha256sum(1) "计算并校验 SHA256 信息摘要"; six near-identical pages for other digests (md5sum, sha1sum mention SHA256 too)',
  },
  {
    kind: 'mixed',
    query: 'epoll 事件通知',
    answer: 'zh_CN/man7/epoll.7.md',
    alsoRight: ['zh_TW/man7/epoll.7.md'],
    why: 'epoll(7) "I/O 事件通知设施"',
  },
  {
    kind: 'mixed',
    query: 'PostgreSQL 数据库集群',
    answer: 'zh_CN/man1/initdb.1.md',
    why: 'initdb(1) "创建一个新的 PostgreSQL数据库集群" (no space in the title); eight other PostgreSQL pages mention clusters',
  },
  {
    kind: 'mixed',
    query: 'dpkg 软件包管理工具',
    answer: 'debian-faq/zh-cn/pkgtools.md',
    why: 'the FAQ chapter "Debian 软件包管理工具", which starts with dpkg',
  },
];
