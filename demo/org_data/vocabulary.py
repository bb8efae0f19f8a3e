"""Seed vocabulary: education fields and their rumpun, gelar, jabatan fungsional and pelaksana
per sector, and personal names."""

# The usual Sekretariat of a Dinas/Badan, the first bidang of most perangkat daerah (shared by
# the OPD lists; read, never changed).
SEKRETARIAT = {
    "name": "Sekretariat",
    "subunits": ["Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"],
}

# ---------------------------------------------------------------------------
# Pendidikan: rumpun (group) dan program studi
# ---------------------------------------------------------------------------

EDUCATION_GROUP_LABELS = {
    "kesehatan": "Kesehatan",
    "pendidikan": "Pendidikan/Keguruan",
    "teknik": "Teknik",
    "informatika": "Informatika dan Statistika",
    "ekonomi": "Ekonomi dan Keuangan",
    "hukum": "Hukum",
    "sosial": "Sosial dan Politik",
    "pertanian": "Pertanian, Kehutanan dan Kelautan",
    "administrasi": "Administrasi",
}

EDUCATION_FIELDS = [
    # kesehatan
    {"code": "KES-DOK", "name": "Pendidikan Dokter", "group": "kesehatan"},
    {"code": "KES-KEP", "name": "Keperawatan", "group": "kesehatan"},
    {"code": "KES-BID", "name": "Kebidanan", "group": "kesehatan"},
    {"code": "KES-KM", "name": "Kesehatan Masyarakat", "group": "kesehatan"},
    {"code": "KES-FAR", "name": "Farmasi", "group": "kesehatan"},
    {"code": "KES-GIZ", "name": "Gizi", "group": "kesehatan"},
    {"code": "KES-KL", "name": "Kesehatan Lingkungan", "group": "kesehatan"},
    {"code": "KES-TLM", "name": "Teknologi Laboratorium Medis", "group": "kesehatan"},
    # pendidikan
    {"code": "PDD-PGSD", "name": "Pendidikan Guru Sekolah Dasar", "group": "pendidikan"},
    {"code": "PDD-MAT", "name": "Pendidikan Matematika", "group": "pendidikan"},
    {"code": "PDD-BIND", "name": "Pendidikan Bahasa dan Sastra Indonesia", "group": "pendidikan"},
    {"code": "PDD-BING", "name": "Pendidikan Bahasa Inggris", "group": "pendidikan"},
    {"code": "PDD-BK", "name": "Bimbingan dan Konseling", "group": "pendidikan"},
    {"code": "PDD-PLS", "name": "Pendidikan Luar Sekolah", "group": "pendidikan"},
    # teknik
    {"code": "TEK-SIP", "name": "Teknik Sipil", "group": "teknik"},
    {"code": "TEK-ARS", "name": "Arsitektur", "group": "teknik"},
    {"code": "TEK-LIN", "name": "Teknik Lingkungan", "group": "teknik"},
    {"code": "TEK-ELK", "name": "Teknik Elektro", "group": "teknik"},
    {"code": "TEK-PWK", "name": "Perencanaan Wilayah dan Kota", "group": "teknik"},
    {"code": "TEK-GEO", "name": "Teknik Geodesi", "group": "teknik"},
    # informatika
    {"code": "INF-TI", "name": "Teknik Informatika", "group": "informatika"},
    {"code": "INF-SI", "name": "Sistem Informasi", "group": "informatika"},
    {"code": "INF-ILK", "name": "Ilmu Komputer", "group": "informatika"},
    {"code": "INF-STA", "name": "Statistika", "group": "informatika"},
    {"code": "INF-MI", "name": "Manajemen Informatika", "group": "informatika"},
    # ekonomi
    {"code": "EKO-AKT", "name": "Akuntansi", "group": "ekonomi"},
    {"code": "EKO-MNJ", "name": "Manajemen", "group": "ekonomi"},
    {"code": "EKO-EP", "name": "Ekonomi Pembangunan", "group": "ekonomi"},
    {"code": "EKO-KP", "name": "Keuangan Publik", "group": "ekonomi"},
    # hukum
    {"code": "HUK-IH", "name": "Ilmu Hukum", "group": "hukum"},
    {"code": "HUK-HTN", "name": "Hukum Tata Negara", "group": "hukum"},
    # sosial
    {"code": "SOS-IAN", "name": "Ilmu Administrasi Negara", "group": "sosial"},
    {"code": "SOS-IP", "name": "Ilmu Pemerintahan", "group": "sosial"},
    {"code": "SOS-SOS", "name": "Sosiologi", "group": "sosial"},
    {"code": "SOS-KOM", "name": "Ilmu Komunikasi", "group": "sosial"},
    {"code": "SOS-PSI", "name": "Psikologi", "group": "sosial"},
    {"code": "SOS-KS", "name": "Kesejahteraan Sosial", "group": "sosial"},
    {"code": "SOS-PUS", "name": "Ilmu Perpustakaan", "group": "sosial"},
    # pertanian
    {"code": "PTN-AGT", "name": "Agroteknologi", "group": "pertanian"},
    {"code": "PTN-AGB", "name": "Agribisnis", "group": "pertanian"},
    {"code": "PTN-HUT", "name": "Kehutanan", "group": "pertanian"},
    {"code": "PTN-PET", "name": "Peternakan", "group": "pertanian"},
    {"code": "PTN-BDP", "name": "Budidaya Perairan", "group": "pertanian"},
    {"code": "PTN-KH", "name": "Kedokteran Hewan", "group": "pertanian"},
    # administrasi
    {"code": "ADM-AP", "name": "Administrasi Perkantoran", "group": "administrasi"},
    {"code": "ADM-ARS", "name": "Kearsipan", "group": "administrasi"},
    {"code": "ADM-SEK", "name": "Sekretari", "group": "administrasi"},
]

# SLTA/SMK jurusan. ``group`` is None for general (non-vocational) tracks.
SLTA_FIELDS = [
    {"code": "SLTA-IPA", "name": "IPA", "group": None},
    {"code": "SLTA-IPS", "name": "IPS", "group": None},
    {"code": "SMK-AP", "name": "SMK Administrasi Perkantoran", "group": "administrasi"},
    {"code": "SMK-AK", "name": "SMK Akuntansi", "group": "ekonomi"},
    {"code": "SMK-TKJ", "name": "SMK Teknik Komputer dan Jaringan", "group": "informatika"},
]

# ---------------------------------------------------------------------------
# Gelar akademik
# ---------------------------------------------------------------------------

# group -> (gelar S-1, gelar S-2, gelar D-III); written after the name.
GELAR_BY_FIELD_GROUP = {
    "kesehatan": ("S.Kep.", "M.Kes.", "A.Md.Kep."),
    "pendidikan": ("S.Pd.", "M.Pd.", "A.Md."),
    "teknik": ("S.T.", "M.T.", "A.Md.T."),
    "informatika": ("S.Kom.", "M.Kom.", "A.Md.Kom."),
    "ekonomi": ("S.E.", "M.M.", "A.Md.Ak."),
    "hukum": ("S.H.", "M.H.", "A.Md."),
    "sosial": ("S.Sos.", "M.Si.", "A.Md."),
    "pertanian": ("S.P.", "M.P.", "A.Md."),
    "administrasi": ("S.A.P.", "M.A.P.", "A.Md."),
}

# Medical doctors (KES-DOK) get a gelar depan instead of a trailing S-1 gelar;
# veterinarians (PTN-KH) likewise.
GELAR_DEPAN_DOKTER = "dr."
GELAR_DEPAN_DOKTER_HEWAN = "drh."

# ---------------------------------------------------------------------------
# Jabatan fungsional per sektor, jabatan pelaksana umum
# ---------------------------------------------------------------------------

# sector -> [(nama jabatan fungsional, education group required)]
FUNGSIONAL_BY_SECTOR = {
    "kesehatan": [
        ("Perawat", "kesehatan"),
        ("Bidan", "kesehatan"),
        ("Dokter", "kesehatan"),
        ("Apoteker", "kesehatan"),
        ("Nutrisionis", "kesehatan"),
        ("Epidemiolog Kesehatan", "kesehatan"),
        ("Sanitarian", "kesehatan"),
        ("Pranata Laboratorium Kesehatan", "kesehatan"),
        ("Administrator Kesehatan", "kesehatan"),
    ],
    "pendidikan": [
        ("Pengawas Sekolah", "pendidikan"),
        ("Pamong Belajar", "pendidikan"),
        ("Widyaiswara", "pendidikan"),
        ("Pamong Budaya", "pendidikan"),
    ],
    "teknik": [
        ("Teknik Jalan dan Jembatan", "teknik"),
        ("Teknik Pengairan", "teknik"),
        ("Penata Ruang", "teknik"),
        ("Penata Bangunan Gedung dan Permukiman", "teknik"),
        ("Pengendali Dampak Lingkungan", "teknik"),
    ],
    "informatika": [
        ("Pranata Komputer", "informatika"),
        ("Statistisi", "informatika"),
        ("Sandiman", "informatika"),
        ("Pranata Hubungan Masyarakat", "sosial"),
    ],
    "ekonomi": [
        ("Analis Keuangan Pusat dan Daerah", "ekonomi"),
        ("Auditor", "ekonomi"),
        ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "sosial"),
        ("Penyuluh Perindustrian dan Perdagangan", "ekonomi"),
    ],
    "hukum": [
        ("Perancang Peraturan Perundang-undangan", "hukum"),
        ("Analis Hukum", "hukum"),
        ("Polisi Pamong Praja", "hukum"),
    ],
    "sosial": [
        ("Pekerja Sosial", "sosial"),
        ("Penyuluh Sosial", "sosial"),
        ("Analis Kebijakan", "sosial"),
        ("Penggerak Swadaya Masyarakat", "sosial"),
    ],
    "pertanian": [
        ("Penyuluh Pertanian", "pertanian"),
        ("Pengawas Benih Tanaman", "pertanian"),
        ("Medik Veteriner", "pertanian"),
        ("Penyuluh Kehutanan", "pertanian"),
        ("Penyuluh Perikanan", "pertanian"),
    ],
    "administrasi": [
        ("Analis Sumber Daya Manusia Aparatur", "sosial"),
        ("Perencana", "ekonomi"),
        ("Analis Kebijakan", "sosial"),
        ("Arsiparis", "administrasi"),
        ("Pustakawan", "sosial"),
    ],
}

# Jabatan pelaksana (PermenPANRB 45/2022 nomenclature; "Pengelola Keuangan" is
# the older PermenPANRB 41/2018 name still common in Pemda peta jabatan).
# (nama jabatan, education group or None when any field is acceptable)
PELAKSANA_COMMON = [
    ("Penata Layanan Operasional", None),
    ("Pengelola Layanan Operasional", None),
    ("Operator Layanan Operasional", None),
    ("Pengelola Umum Operasional", None),
    ("Pengadministrasi Perkantoran", "administrasi"),
    ("Pengolah Data dan Informasi", "informatika"),
    ("Penelaah Teknis Kebijakan", "sosial"),
    ("Penata Kelola Sistem dan Teknologi Informasi", "informatika"),
    ("Teknisi Sarana dan Prasarana", "teknik"),
    ("Pengelola Keuangan", "ekonomi"),
]

# ---------------------------------------------------------------------------
# Nama (demo only)
# ---------------------------------------------------------------------------

# fmt: off
FIRST_NAMES_MALE = [
    "Agus", "Ahmad", "Aidil", "Andi", "Anton", "Ardi", "Arif", "Arinal", "Aris", "Asep",
    "Azwar", "Bambang", "Bayu", "Bima", "Budi", "Candra", "Cecep", "Dadang", "Dani", "Dedi",
    "Deni", "Dimas", "Dodi", "Doni", "Edi", "Eko", "Erwin", "Fahmi", "Fajar", "Ferdi",
    "Fikri", "Firdaus", "Galih", "Gilang", "Hafiz", "Hamdan", "Hari", "Hendra", "Herman",
    "Heru", "Ikhsan", "Ilham", "Imam", "Indra", "Irfan", "Irwan", "Iwan", "Januar", "Joko",
    "Khairul", "Lukman", "Lutfi", "Mahmud", "Marzuki", "Muhammad", "Mulyadi", "Nanang",
    "Panji", "Rahmat", "Rendi", "Reza", "Rian", "Ridho", "Riko", "Rizki", "Robi", "Roni",
    "Rudi", "Rusli", "Samsul", "Sandi", "Slamet", "Sugeng", "Syahrial", "Syaiful", "Taufik",
    "Teguh", "Toni", "Ujang", "Wahyu", "Wawan", "Yoga", "Yogi", "Yudi", "Yudha", "Yusuf",
    "Zainal", "Zaki", "Zulkifli",
]

FIRST_NAMES_FEMALE = [
    "Aisyah", "Anggi", "Ani", "Annisa", "Ayu", "Desi", "Devi", "Dewi", "Dina", "Elsa",
    "Endang", "Erna", "Eva", "Evi", "Farida", "Fatimah", "Fera", "Fitri", "Hana", "Herlina",
    "Hesti", "Ika", "Indah", "Intan", "Ira", "Juwita", "Kartini", "Laila", "Lia",
    "Lina", "Linda", "Lisa", "Mardiana", "Marlina", "Maya", "Mega", "Melati", "Mira",
    "Mutiara", "Nadia", "Nia", "Nina", "Novi", "Nunik", "Nurhayati", "Nurul", "Oktavia",
    "Puspa", "Putri", "Rahma", "Rani", "Ratih", "Ratna", "Reni", "Ria", "Riana", "Rika",
    "Rina", "Rini", "Septi", "Sinta", "Siti", "Sri", "Suci", "Sulastri", "Susi", "Tiara",
    "Tika", "Tuti", "Umi", "Vina", "Widya", "Winarni", "Winda", "Wulan", "Yanti", "Yeni",
    "Yulia", "Yuni", "Zahra", "Citra", "Dara", "Rosmala",
]

# Gender-neutral family names / marga / patronymics.
LAST_NAMES = [
    # Batak, Mandailing, Karo, Simalungun marga
    "Nasution", "Siregar", "Lubis", "Harahap", "Hasibuan", "Sembiring", "Simanjuntak",
    "Situmorang", "Sitompul", "Hutapea", "Sinaga", "Tambunan", "Panjaitan", "Pardede",
    "Manurung", "Ginting", "Tarigan", "Pane", "Daulay", "Ritonga", "Pohan", "Batubara",
    "Rangkuti", "Matondang", "Simatupang", "Silalahi", "Sihombing", "Napitupulu", "Purba",
    "Saragih", "Damanik", "Marpaung", "Pasaribu", "Hutagalung", "Simbolon", "Sitorus",
    # Minang suku
    "Tanjung", "Chaniago", "Piliang", "Sikumbang", "Koto",
    # patronymics / family names used by both genders
    "Hasan", "Husin", "Ibrahim", "Ismail", "Rahman", "Hamzah", "Abdullah", "Anwar",
    "Harun", "Idris", "Karim", "Nasir", "Rasyid", "Salim", "Sulaiman", "Usman",
    "Umar", "Yahya", "Bakri", "Syarif", "Thalib", "Alwi", "Assegaf", "Alatas", "Basri",
    "Hanafi", "Effendi", "Zulkarnain", "Amri", "Hakim", "Saleh", "Hanafiah", "Rivai",
    "Djunaidi", "Thamrin", "Mansur", "Syukur",
    # Javanese / Chinese-Indonesian family names
    "Wijaya", "Halim", "Kusuma", "Purnama", "Utama", "Santoso",
]

MALE_LAST_NAMES = [
    "Saputra", "Pratama", "Setiawan", "Kurniawan", "Hidayat", "Syahputra", "Nugroho",
    "Wibowo", "Prasetyo", "Susanto", "Hermawan", "Firmansyah", "Ramadhan", "Maulana",
    "Permana", "Gunawan", "Wicaksono", "Kusnadi", "Suherman", "Sutrisno", "Purwanto",
    "Haryanto", "Suryadi", "Iskandar", "Darmawan", "Sanjaya", "Hartono", "Budiman",
    "Irawan", "Suryana", "Ardiansyah", "Febriansyah", "Kurniadi", "Pamungkas", "Nurhadi",
    "Saputro", "Adiputra", "Mahendra", "Hidayatullah", "Syahbana",
]

FEMALE_LAST_NAMES = [
    "Rahmawati", "Anggraini", "Permatasari", "Lestari", "Wulandari", "Puspitasari", "Sari",
    "Rahayu", "Handayani", "Susanti", "Safitri", "Oktaviani", "Fitriani", "Hidayati",
    "Kusumawati", "Pertiwi", "Novitasari", "Maharani", "Damayanti", "Yuliani", "Ramadhani",
    "Kurniasih", "Agustina", "Utami", "Wahyuni", "Purnamasari", "Setyaningsih", "Febrianti",
    "Andriani", "Apriliani", "Mulyani", "Nuraini", "Astuti", "Kartika", "Ratnasari",
    "Indriani", "Maulida", "Syafitri", "Wardani", "Cahyani",
]
# fmt: on
