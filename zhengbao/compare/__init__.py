"""Year-to-year comparison (issue 6): targets vs outcomes, topic threads, how the work plan changed."""



