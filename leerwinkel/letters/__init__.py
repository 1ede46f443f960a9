"""Letters and handouts: referral letters, client handouts and catalogue sheets, rendered with ReportLab."""
