"""Home pages per role (pegawai, penilai, pengelola kepegawaian, pimpinan), pengumuman and
panduan. Sits above the domain apps: it reads from positions, performance and training."""
