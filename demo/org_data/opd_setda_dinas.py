"""Perangkat daerah, first part: the Sekretariat Daerah, Sekretariat DPRD, Inspektorat and the
first Dinas (see the notes in `demo.org_data`)."""

from .vocabulary import SEKRETARIAT

OPD_SETDA_DINAS = [
    # --- Sekretariat, Sekretariat DPRD, Inspektorat -------------------------
    {
        "code": "SETDA",
        "name": "Sekretariat Daerah",
        "short": "Setda",
        "sector": "administrasi",
        "bidang": [
            {
                "name": "Biro Pemerintahan dan Otonomi Daerah",
                "subunits": ["Bagian Administrasi Pemerintahan", "Bagian Otonomi Daerah"],
            },
            {
                "name": "Biro Hukum",
                "sector": "hukum",
                "subunits": ["Bagian Perundang-undangan", "Bagian Bantuan Hukum"],
            },
            {
                "name": "Biro Organisasi",
                "subunits": [
                    "Bagian Kelembagaan dan Analisis Jabatan",
                    "Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
                ],
            },
            {
                "name": "Biro Umum",
                "subunits": ["Bagian Tata Usaha", "Bagian Rumah Tangga"],
            },
        ],
    },
    {
        "code": "SETWAN",
        "name": "Sekretariat Dewan Perwakilan Rakyat Daerah",
        "short": "Setwan",
        "sector": "administrasi",
        "bidang": [
            {
                "name": "Bagian Umum dan Keuangan",
                "subunits": ["Subbagian Tata Usaha dan Kepegawaian", "Subbagian Keuangan"],
            },
            {
                "name": "Bagian Persidangan dan Perundang-undangan",
                "subunits": ["Subbagian Rapat dan Risalah", "Subbagian Perundang-undangan"],
            },
            {
                "name": "Bagian Fasilitasi Penganggaran dan Pengawasan",
                "subunits": [
                    "Subbagian Fasilitasi Penganggaran",
                    "Subbagian Fasilitasi Pengawasan",
                ],
            },
            {
                "name": "Bagian Hubungan Masyarakat dan Protokol",
                "subunits": ["Subbagian Hubungan Masyarakat", "Subbagian Protokol"],
            },
        ],
    },
    {
        "code": "INSPEKTORAT",
        "name": "Inspektorat",
        "short": "Inspektorat",
        "sector": "ekonomi",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": [
                    "Subbagian Perencanaan dan Pelaporan",
                    "Subbagian Umum dan Kepegawaian",
                ],
            },
            {
                "name": "Inspektur Pembantu Wilayah I",
                "subunits": ["Kelompok Jabatan Fungsional Auditor Wilayah I"],
            },
            {
                "name": "Inspektur Pembantu Wilayah II",
                "subunits": ["Kelompok Jabatan Fungsional Auditor Wilayah II"],
            },
            {
                "name": "Inspektur Pembantu Khusus",
                "subunits": [
                    "Kelompok Jabatan Fungsional Pengawas Penyelenggaraan Urusan Pemerintahan"
                ],
            },
        ],
    },
    # --- Dinas ---------------------------------------------------------------
    {
        "code": "DISDIKBUD",
        "name": "Dinas Pendidikan dan Kebudayaan",
        "short": "Disdikbud",
        "sector": "pendidikan",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pembinaan Sekolah Menengah Atas",
                "subunits": [
                    "Seksi Kurikulum dan Penilaian SMA",
                    "Seksi Peserta Didik dan Pembangunan Karakter SMA",
                ],
            },
            {
                "name": "Bidang Pembinaan Sekolah Menengah Kejuruan",
                "subunits": [
                    "Seksi Kurikulum dan Penilaian SMK",
                    "Seksi Kelembagaan dan Sarana Prasarana SMK",
                ],
            },
            {
                "name": "Bidang Kebudayaan",
                "subunits": ["Seksi Cagar Budaya dan Permuseuman", "Seksi Sejarah dan Tradisi"],
            },
        ],
    },
    {
        "code": "DINKES",
        "name": "Dinas Kesehatan",
        "short": "Dinkes",
        "sector": "kesehatan",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pelayanan Kesehatan",
                "subunits": [
                    "Seksi Pelayanan Kesehatan Primer",
                    "Seksi Pelayanan Kesehatan Rujukan",
                ],
            },
            {
                "name": "Bidang Kesehatan Masyarakat",
                "subunits": ["Seksi Kesehatan Keluarga dan Gizi", "Seksi Kesehatan Lingkungan"],
            },
            {
                "name": "Bidang Pencegahan dan Pengendalian Penyakit",
                "subunits": [
                    "Seksi Surveilans dan Imunisasi",
                    "Seksi Pencegahan dan Pengendalian Penyakit Menular",
                ],
            },
        ],
    },
    {
        "code": "BMBK",
        "name": "Dinas Bina Marga dan Bina Konstruksi",
        "short": "BMBK",
        "sector": "teknik",
        "bidang": [
            {
                "name": "Sekretariat",
                "subunits": ["Subbagian Perencanaan dan Pelaporan", "Subbagian Keuangan"],
            },
            {
                "name": "Bidang Pembangunan Jalan dan Jembatan",
                "subunits": ["Seksi Perencanaan Teknis Jalan", "Seksi Pembangunan Jembatan"],
            },
            {
                "name": "Bidang Preservasi Jalan dan Jembatan",
                "subunits": ["Seksi Pemeliharaan Jalan", "Seksi Pemeliharaan Jembatan"],
            },
            {
                "name": "Bidang Bina Konstruksi",
                "subunits": [
                    "Seksi Pembinaan Jasa Konstruksi",
                    "Seksi Pengawasan Tertib Konstruksi",
                ],
            },
        ],
    },
    {
        "code": "PSDA",
        "name": "Dinas Pengelolaan Sumber Daya Air",
        "short": "PSDA",
        "sector": "teknik",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Irigasi dan Rawa",
                "subunits": ["Seksi Pembangunan Irigasi", "Seksi Operasi dan Pemeliharaan Irigasi"],
            },
            {
                "name": "Bidang Sungai dan Pantai",
                "subunits": ["Seksi Pengendalian Banjir", "Seksi Pengamanan Pantai"],
            },
            {
                "name": "Bidang Air Baku dan Air Tanah",
                "subunits": ["Seksi Penyediaan Air Baku", "Seksi Konservasi Air Tanah"],
            },
        ],
    },
    {
        "code": "PERKIM",
        "name": "Dinas Perumahan, Kawasan Permukiman dan Cipta Karya",
        "short": "Perkim",
        "sector": "teknik",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Perumahan",
                "subunits": ["Seksi Penyediaan Perumahan", "Seksi Rumah Swadaya"],
            },
            {
                "name": "Bidang Kawasan Permukiman",
                "subunits": [
                    "Seksi Peningkatan Kualitas Permukiman Kumuh",
                    "Seksi Prasarana, Sarana dan Utilitas Umum",
                ],
            },
            {
                "name": "Bidang Cipta Karya",
                "subunits": [
                    "Seksi Air Minum dan Sanitasi",
                    "Seksi Penataan Bangunan dan Lingkungan",
                ],
            },
        ],
    },
    {
        "code": "SATPOLPP",
        "name": "Satuan Polisi Pamong Praja",
        "short": "Satpol PP",
        "sector": "hukum",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Penegakan Peraturan Daerah",
                "subunits": [
                    "Seksi Pembinaan, Pengawasan dan Penyuluhan",
                    "Seksi Penyelidikan dan Penyidikan",
                ],
            },
            {
                "name": "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
                "subunits": ["Seksi Operasi dan Pengendalian", "Seksi Kerja Sama"],
            },
            {
                "name": "Bidang Perlindungan Masyarakat",
                "subunits": [
                    "Seksi Satuan Perlindungan Masyarakat",
                    "Seksi Bina Potensi Masyarakat",
                ],
            },
        ],
    },
    {
        "code": "DINSOS",
        "name": "Dinas Sosial",
        "short": "Dinsos",
        "sector": "sosial",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Rehabilitasi Sosial",
                "subunits": [
                    "Seksi Rehabilitasi Sosial Anak dan Lanjut Usia",
                    "Seksi Rehabilitasi Sosial Penyandang Disabilitas",
                ],
            },
            {
                "name": "Bidang Perlindungan dan Jaminan Sosial",
                "subunits": [
                    "Seksi Perlindungan Sosial Korban Bencana",
                    "Seksi Jaminan Sosial Keluarga",
                ],
            },
            {
                "name": "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
                "subunits": ["Seksi Pemberdayaan Sosial", "Seksi Penanganan Fakir Miskin"],
            },
        ],
    },
    {
        "code": "DISNAKER",
        "name": "Dinas Tenaga Kerja",
        "short": "Disnaker",
        "sector": "sosial",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pelatihan dan Penempatan Tenaga Kerja",
                "subunits": [
                    "Seksi Pelatihan dan Produktivitas",
                    "Seksi Penempatan dan Perluasan Kesempatan Kerja",
                ],
            },
            {
                "name": "Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja",
                "subunits": [
                    "Seksi Persyaratan Kerja dan Pengupahan",
                    "Seksi Penyelesaian Perselisihan Hubungan Industrial",
                ],
            },
            {
                "name": "Bidang Pengawasan Ketenagakerjaan",
                "subunits": ["Seksi Norma Kerja", "Seksi Keselamatan dan Kesehatan Kerja"],
            },
        ],
    },
    {
        "code": "DKPTPH",
        "name": "Dinas Ketahanan Pangan, Tanaman Pangan dan Hortikultura",
        "short": "DKPTPH",
        "sector": "pertanian",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Ketersediaan dan Distribusi Pangan",
                "subunits": [
                    "Seksi Ketersediaan dan Kerawanan Pangan",
                    "Seksi Distribusi dan Cadangan Pangan",
                ],
            },
            {
                "name": "Bidang Tanaman Pangan",
                "subunits": ["Seksi Produksi Tanaman Pangan", "Seksi Perlindungan Tanaman Pangan"],
            },
            {
                "name": "Bidang Hortikultura",
                "subunits": [
                    "Seksi Produksi Hortikultura",
                    "Seksi Pengolahan dan Pemasaran Hasil Hortikultura",
                ],
            },
        ],
    },
    {
        "code": "DLH",
        "name": "Dinas Lingkungan Hidup",
        "short": "DLH",
        "sector": "teknik",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Tata Lingkungan",
                "subunits": [
                    "Seksi Kajian Dampak Lingkungan",
                    "Seksi Pemeliharaan Lingkungan Hidup",
                ],
            },
            {
                "name": "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan",
                "subunits": [
                    "Seksi Pemantauan Kualitas Lingkungan",
                    "Seksi Pengendalian Pencemaran",
                ],
            },
            {
                "name": "Bidang Pengelolaan Sampah dan Limbah B3",
                "subunits": ["Seksi Pengelolaan Sampah", "Seksi Pengelolaan Limbah B3"],
            },
        ],
    },
    {
        "code": "DISDUKCAPIL",
        "name": "Dinas Kependudukan dan Pencatatan Sipil",
        "short": "Disdukcapil",
        "sector": "administrasi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pelayanan Pendaftaran Penduduk dan Pencatatan Sipil",
                "subunits": ["Seksi Pendaftaran Penduduk", "Seksi Pencatatan Sipil"],
            },
            {
                "name": "Bidang Pengelolaan Informasi Administrasi Kependudukan",
                "subunits": [
                    "Seksi Sistem Informasi Administrasi Kependudukan",
                    "Seksi Pengolahan dan Penyajian Data Kependudukan",
                ],
            },
            {
                "name": "Bidang Pemanfaatan Data dan Inovasi Pelayanan",
                "subunits": ["Seksi Kerja Sama dan Pemanfaatan Data", "Seksi Inovasi Pelayanan"],
            },
        ],
    },
    {
        "code": "DISHUB",
        "name": "Dinas Perhubungan",
        "short": "Dishub",
        "sector": "teknik",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Lalu Lintas dan Angkutan Jalan",
                "subunits": [
                    "Seksi Manajemen dan Rekayasa Lalu Lintas",
                    "Seksi Angkutan Jalan",
                ],
            },
            {
                "name": "Bidang Pelayaran",
                "subunits": ["Seksi Lalu Lintas dan Angkutan Laut", "Seksi Kepelabuhanan"],
            },
            {
                "name": "Bidang Perkeretaapian dan Perhubungan Udara",
                "subunits": ["Seksi Perkeretaapian", "Seksi Perhubungan Udara"],
            },
        ],
    },
    {
        "code": "DISKOPUKM",
        "name": "Dinas Koperasi dan Usaha Kecil dan Menengah",
        "short": "Diskop UKM",
        "sector": "ekonomi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Kelembagaan dan Pengawasan Koperasi",
                "subunits": ["Seksi Kelembagaan Koperasi", "Seksi Pengawasan Koperasi"],
            },
            {
                "name": "Bidang Pemberdayaan dan Pengembangan Koperasi",
                "subunits": [
                    "Seksi Pemberdayaan Koperasi",
                    "Seksi Pendidikan dan Pelatihan Koperasi",
                ],
            },
            {
                "name": "Bidang Usaha Kecil dan Menengah",
                "subunits": [
                    "Seksi Pemberdayaan UKM",
                    "Seksi Pengembangan Usaha dan Pemasaran UKM",
                ],
            },
        ],
    },
    {
        "code": "DPMPTSP",
        "name": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "short": "DPMPTSP",
        "sector": "ekonomi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Perencanaan dan Promosi Penanaman Modal",
                "subunits": ["Seksi Perencanaan Penanaman Modal", "Seksi Promosi Penanaman Modal"],
            },
            {
                "name": "Bidang Pelayanan Perizinan dan Nonperizinan",
                "subunits": ["Seksi Pelayanan Perizinan Berusaha", "Seksi Pelayanan Nonperizinan"],
            },
            {
                "name": "Bidang Pengendalian Pelaksanaan Penanaman Modal",
                "subunits": ["Seksi Pemantauan dan Pembinaan", "Seksi Pengawasan Penanaman Modal"],
            },
        ],
    },
    {
        "code": "DISPORA",
        "name": "Dinas Kepemudaan dan Olahraga",
        "short": "Dispora",
        "sector": "sosial",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pemberdayaan Pemuda",
                "subunits": [
                    "Seksi Kepemimpinan dan Kepeloporan Pemuda",
                    "Seksi Kewirausahaan Pemuda",
                ],
            },
            {
                "name": "Bidang Pembudayaan Olahraga",
                "subunits": [
                    "Seksi Olahraga Pendidikan",
                    "Seksi Olahraga Rekreasi dan Tradisional",
                ],
            },
            {
                "name": "Bidang Peningkatan Prestasi Olahraga",
                "subunits": [
                    "Seksi Pembinaan Prestasi Olahraga",
                    "Seksi Sarana dan Prasarana Olahraga",
                ],
            },
        ],
    },
    {
        "code": "DISPUSIP",
        "name": "Dinas Perpustakaan dan Kearsipan",
        "short": "Dispusip",
        "sector": "administrasi",
        "bidang": [
            SEKRETARIAT,
            {
                "name": "Bidang Pengembangan Perpustakaan",
                "subunits": [
                    "Seksi Pengembangan Koleksi",
                    "Seksi Layanan dan Otomasi Perpustakaan",
                ],
            },
            {
                "name": "Bidang Pembinaan Kearsipan",
                "subunits": [
                    "Seksi Pembinaan Arsip Dinamis",
                    "Seksi Pembinaan Sumber Daya Kearsipan",
                ],
            },
            {
                "name": "Bidang Pengelolaan Arsip Statis",
                "subunits": [
                    "Seksi Akuisisi dan Pengolahan Arsip",
                    "Seksi Preservasi dan Akses Arsip",
                ],
            },
        ],
    },
]
